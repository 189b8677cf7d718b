import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePairingRequest,
  DocumentYearQuery,
  EndPairingRequest,
  ImportNamesRequest,
  ImportNamesResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportRequest,
  ImportResponse,
  PairingDto,
  PairingHistoryQuery,
  PairingHistoryResponse,
  PairingListQuery,
  PairingListResponse,
  PairingMatrixResponse,
  PairingYearsResponse,
} from '../../../common/schemas/pairings.js';
import { IdParams, Year } from '../../../common/schemas/shared.js';
import { UPLOADS } from '../../../common/uploads.js';
import { sendDocument } from '../../documents/send-document.js';
import { limitsOf } from '../attachments/index.js';
import { matchImportNames, previewImport, runImport } from './pairing-import.service.js';
import { pairingListDocx, pairingListXlsx } from './pairings.export.js';
import {
  createPairing,
  endPairing,
  listPairingsFor,
  pairingHistory,
  pairingMatrix,
  pairingYears,
} from './pairings.service.js';

/** An import body (a file of at most 6 MB as base64, and the JSON around it), refused on Content-Length unread. */
const importLimits = limitsOf(UPLOADS.importDocx);

export async function pairingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pairings'];
  const read = { permission: 'pairings:read' as const };
  const write = { permission: 'pairings:write' as const };

  r.get(
    '/pairings',
    {
      config: read,
      schema: {
        summary: '对口联系名单 · List the pairs in force in a year',
        tags,
        querystring: PairingListQuery,
        response: { 200: PairingListResponse },
      },
    },
    async (request) => listPairingsFor(request.ctx(), request.query),
  );
  r.get(
    '/pairings/years',
    {
      config: read,
      schema: {
        summary: '名单年度 · The years that have a pairing list',
        tags,
        response: { 200: PairingYearsResponse },
      },
    },
    async (request) => ({ years: await pairingYears(request.ctx()) }),
  );
  r.get(
    '/pairings/matrix',
    {
      config: read,
      schema: {
        summary: "结对矩阵 · The year's pairs as a department × counterpart matrix",
        tags,
        querystring: z.object({ year: Year }),
        response: { 200: PairingMatrixResponse },
      },
    },
    async (request) => pairingMatrix(request.ctx(), request.query.year),
  );
  r.get(
    '/pairings/history',
    {
      config: read,
      schema: {
        summary: '结对变更记录 · The history of pairs: when each began and ended',
        tags,
        querystring: PairingHistoryQuery,
        response: { 200: PairingHistoryResponse },
      },
    },
    async (request) => ({ items: await pairingHistory(request.ctx(), request.query.pairingId) }),
  );
  r.post(
    '/pairings',
    {
      config: write,
      schema: {
        summary: '新增结对 · Pair a department with a counterpart from a date',
        tags,
        body: CreatePairingRequest,
        response: { 200: PairingDto },
      },
    },
    async (request) => createPairing(request.ctx(), request.body),
  );
  r.post(
    '/pairings/:id/end',
    {
      config: write,
      schema: {
        summary: '结束结对 · End a pair from a date, with a reason',
        tags,
        params: IdParams,
        body: EndPairingRequest,
        response: { 200: PairingDto },
      },
    },
    async (request) => endPairing(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/pairings/import/preview',
    {
      config: write,
      ...importLimits,
      schema: {
        summary: '导入预览 · Read a notice (text, .xlsx or .docx) into pairs for confirmation',
        tags,
        body: ImportPreviewRequest,
        response: { 200: ImportPreviewResponse },
      },
    },
    async (request) => previewImport(request.ctx(), request.body),
  );
  r.post(
    '/pairings/import/names',
    {
      config: write,
      schema: {
        summary: '名称匹配 · Match the names of a notice to known units',
        tags,
        body: ImportNamesRequest,
        response: { 200: ImportNamesResponse },
      },
    },
    async (request) => ({ names: await matchImportNames(request.ctx(), request.body.names) }),
  );
  r.post(
    '/pairings/import',
    {
      config: write,
      ...importLimits,
      schema: {
        summary: '导入名单 · Import the confirmed pairs, all or nothing',
        tags,
        body: ImportRequest,
        response: { 200: ImportResponse },
      },
    },
    async (request) => runImport(request.ctx(), request.body),
  );
  // 附件1 对口联系名单 of a year
  const exported = { permission: 'documents:read' as const, export: true };
  r.get(
    '/documents/pairing-list.docx',
    {
      config: exported,
      schema: {
        summary: "附件1（Word） · The year's pairing list as 附件1 (.docx)",
        tags: ['documents'],
        querystring: DocumentYearQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await pairingListDocx(request.ctx(), request.query.year)),
  );
  r.get(
    '/documents/pairing-list.xlsx',
    {
      config: exported,
      schema: {
        summary: "附件1（Excel） · The year's pairing list as a spreadsheet (.xlsx)",
        tags: ['documents'],
        querystring: DocumentYearQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await pairingListXlsx(request.ctx(), request.query.year)),
  );
}
