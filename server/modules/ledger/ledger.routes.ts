import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdoptionRequest,
  AttendanceRequest,
  CreateLedgerRecordRequest,
  LedgerExportQuery,
  LedgerListQuery,
  LedgerListResponse,
  LedgerRecordDto,
  LedgerSummaryResponse,
  MinutesRequest,
  ReceiptRequest,
  ReplyRequest,
  UpdateLedgerRecordRequest,
} from '../../../common/schemas/ledger.js';
import { IdParams, Year } from '../../../common/schemas/shared.js';
import { sendDocument } from '../../documents/send-document.js';
import { ledgerSummary } from '../facts/index.js';
import { ledgerDocxResponse, ledgerXlsxResponse } from './ledger.export.js';
import { recordAdoption, recordMinutes, takeUpTopic } from './ledger.outcomes.js';
import { getRecord, listLedger } from './ledger.queries.js';
import { createRecord, updateRecord } from './ledger.records.js';
import { acknowledgeNotice, recordAttendance, replyToInvitation } from './ledger.responses.js';

export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  const read = { permission: 'ledger:read' as const };
  const write = { permission: 'ledger:write' as const };
  const one = { 200: LedgerRecordDto };

  r.get(
    '/ledger',
    { config: read, schema: { tags, querystring: LedgerListQuery, response: { 200: LedgerListResponse } } },
    async (request) => listLedger(request.ctx(), request.query),
  );
  r.get(
    '/ledger/summary',
    {
      config: read,
      schema: { tags, querystring: z.object({ year: Year }), response: { 200: LedgerSummaryResponse } },
    },
    async (request) => ledgerSummary(request.ctx(), request.query.year),
  );
  r.get(
    '/ledger/export.xlsx',
    { config: { ...read, export: true }, schema: { tags, querystring: LedgerExportQuery } },
    async (request, reply) => {
      const doc = await ledgerXlsxResponse(request.ctx(), request.query);
      if (!('stream' in doc)) return sendDocument(reply, doc);
      // a large ledger: the same headers, the body streamed as it is written
      return sendDocument(reply, { filename: doc.filename, contentType: doc.contentType, body: doc.stream });
    },
  );
  r.get(
    '/ledger/export.docx',
    { config: { ...read, export: true }, schema: { tags, querystring: LedgerExportQuery } },
    async (request, reply) => {
      const doc = await ledgerDocxResponse(request.ctx(), request.query);
      return sendDocument(reply, { filename: doc.filename, contentType: doc.contentType, body: doc.stream });
    },
  );
  r.get('/ledger/:id', { config: read, schema: { tags, params: IdParams, response: one } }, async (request) =>
    getRecord(request.ctx(), request.params.id),
  );
  r.post(
    '/ledger',
    { config: write, schema: { tags, body: CreateLedgerRecordRequest, response: one } },
    async (request) => createRecord(request.ctx(), request.body),
  );
  r.patch(
    '/ledger/:id',
    { config: write, schema: { tags, params: IdParams, body: UpdateLedgerRecordRequest, response: one } },
    async (request) => updateRecord(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/reply',
    { config: write, schema: { tags, params: IdParams, body: ReplyRequest, response: one } },
    async (request) => replyToInvitation(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/attendance',
    { config: write, schema: { tags, params: IdParams, body: AttendanceRequest, response: one } },
    async (request) => recordAttendance(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/receipt',
    { config: write, schema: { tags, params: IdParams, body: ReceiptRequest, response: one } },
    async (request) => acknowledgeNotice(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/take-up',
    { config: write, schema: { tags, params: IdParams, response: one } },
    async (request) => takeUpTopic(request.ctx(), request.params.id),
  );
  r.post(
    '/ledger/:id/adoption',
    { config: write, schema: { tags, params: IdParams, body: AdoptionRequest, response: one } },
    async (request) => recordAdoption(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/minutes',
    { config: write, schema: { tags, params: IdParams, body: MinutesRequest, response: one } },
    async (request) => recordMinutes(request.ctx(), request.params.id, request.body),
  );
}
