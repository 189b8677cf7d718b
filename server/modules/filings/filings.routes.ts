import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateFilingRoundRequest,
  FileFilingRequest,
  FilingBoardResponse,
  FilingDto,
  FilingParams,
  FilingRoundDto,
  FilingRoundListResponse,
  FilingRoundParams,
  RegistrationFormQuery,
  RemindResponse,
  ReturnFilingRequest,
  SaveFilingRequest,
  SubmitFilingRequest,
  UpdateFilingRoundRequest,
} from '../../../common/schemas/filings.js';
import { RevealRequest } from '../../../common/schemas/roster.js';
import { sendDocument } from '../../documents/send-document.js';
import { filingBoard, remindLate } from './filings.board.js';
import { registrationFormDocx } from './filings.export.js';
import { getFiling, revealFiling } from './filings.form.js';
import { fileFiling, returnFiling } from './filings.review.js';
import { closeRound, createRound, getRound, listRoundsFor, updateRound } from './filings.rounds.js';
import { saveFiling, submitFiling } from './filings.submission.js';

export async function filingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['filings'];
  const read = { permission: 'filings:read' as const };
  const write = { permission: 'filings:write' as const };
  const review = { permission: 'filings:review' as const };
  const filing = '/filing-rounds/:roundId/filings/:organisationId';

  r.get(
    '/filing-rounds',
    {
      config: read,
      schema: {
        summary: '登记报送批次 · List the 附件2 filing rounds',
        tags,
        response: { 200: FilingRoundListResponse },
      },
    },
    async (request) => listRoundsFor(request.ctx()),
  );
  r.post(
    '/filing-rounds',
    {
      config: review,
      schema: {
        summary: '发起登记报送 · Open a 附件2 filing round with its deadline',
        tags,
        body: CreateFilingRoundRequest,
        response: { 200: FilingRoundDto },
      },
    },
    async (request) => createRound(request.ctx(), request.body),
  );
  r.get(
    '/filing-rounds/:roundId',
    {
      config: read,
      schema: {
        summary: '登记报送批次详情 · One filing round',
        tags,
        params: FilingRoundParams,
        response: { 200: FilingRoundDto },
      },
    },
    async (request) => getRound(request.ctx(), request.params.roundId),
  );
  r.patch(
    '/filing-rounds/:roundId',
    {
      config: review,
      schema: {
        summary: "修改登记报送 · Change a round's deadline, recipient or contact line",
        tags,
        params: FilingRoundParams,
        body: UpdateFilingRoundRequest,
        response: { 200: FilingRoundDto },
      },
    },
    async (request) => updateRound(request.ctx(), request.params.roundId, request.body),
  );
  r.post(
    '/filing-rounds/:roundId/close',
    {
      config: review,
      schema: {
        summary: '结束登记报送 · Close a filing round',
        tags,
        params: FilingRoundParams,
        response: { 200: FilingRoundDto },
      },
    },
    async (request) => closeRound(request.ctx(), request.params.roundId),
  );
  r.get(
    '/filing-rounds/:roundId/board',
    {
      config: review,
      schema: {
        summary: '报送进度 · Which units have filed, are late or not started',
        tags,
        params: FilingRoundParams,
        response: { 200: FilingBoardResponse },
      },
    },
    async (request) => filingBoard(request.ctx(), request.params.roundId),
  );
  r.post(
    '/filing-rounds/:roundId/remind',
    {
      config: review,
      schema: {
        summary: '催报 · Remind the units that have not filed',
        tags,
        params: FilingRoundParams,
        response: { 200: RemindResponse },
      },
    },
    async (request) => remindLate(request.ctx(), request.params.roundId),
  );

  r.get(
    filing,
    {
      config: read,
      schema: {
        summary: "单位登记表 · One unit's 附件2 form in a round",
        tags,
        params: FilingParams,
        response: { 200: FilingDto },
      },
    },
    async (request) => getFiling(request.ctx(), request.params.roundId, request.params.organisationId),
  );
  r.put(
    filing,
    {
      config: write,
      schema: {
        summary: "保存登记表 · Save a unit's 附件2 draft",
        tags,
        params: FilingParams,
        body: SaveFilingRequest,
        response: { 200: FilingDto },
      },
    },
    async (request) =>
      saveFiling(request.ctx(), request.params.roundId, request.params.organisationId, request.body),
  );
  r.post(
    `${filing}/submit`,
    {
      config: write,
      schema: {
        summary: "报送登记表 · Submit a unit's 附件2 form",
        tags,
        params: FilingParams,
        body: SubmitFilingRequest,
        response: { 200: FilingDto },
      },
    },
    async (request) =>
      submitFiling(request.ctx(), request.params.roundId, request.params.organisationId, request.body),
  );
  r.post(
    `${filing}/return`,
    {
      config: review,
      schema: {
        summary: '退回登记表 · Return a submitted form with a reason',
        tags,
        params: FilingParams,
        body: ReturnFilingRequest,
        response: { 200: FilingDto },
      },
    },
    async (request) =>
      returnFiling(request.ctx(), request.params.roundId, request.params.organisationId, request.body),
  );
  r.post(
    `${filing}/file`,
    {
      config: review,
      schema: {
        summary: '登记备案 · File a submitted form into the roster',
        tags,
        params: FilingParams,
        body: FileFilingRequest,
        response: { 200: FilingDto },
      },
    },
    async (request) =>
      fileFiling(
        request.ctx(),
        request.params.roundId,
        request.params.organisationId,
        request.body?.note ?? null,
      ),
  );
  r.post(
    `${filing}/reveal`,
    {
      config: { permission: 'contacts:reveal' },
      schema: {
        summary: "查看登记表完整电话 · Reveal a form's full phone numbers, with a reason (audited)",
        tags,
        params: FilingParams,
        body: RevealRequest,
        response: { 200: FilingDto },
      },
    },
    async (request) =>
      revealFiling(request.ctx(), request.params.roundId, request.params.organisationId, request.body),
  );
  // 附件2 of one unit for a year, filled or blank
  r.get(
    '/documents/registration-form.docx',
    {
      config: { permission: 'documents:read', export: true },
      schema: {
        summary: "附件2（Word） · A unit's 附件2 registration form, filled or blank (.docx)",
        tags: ['documents'],
        querystring: RegistrationFormQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await registrationFormDocx(request.ctx(), request.query)),
  );
}
