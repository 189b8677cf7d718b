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
    {
      config: read,
      schema: {
        summary: "工作台账 · List the ledger records in one's scope, with filters",
        tags,
        querystring: LedgerListQuery,
        response: { 200: LedgerListResponse },
      },
    },
    async (request) => listLedger(request.ctx(), request.query),
  );
  r.get(
    '/ledger/summary',
    {
      config: read,
      schema: {
        summary: "台账汇总 · The year's ledger counted by kind and pair",
        tags,
        querystring: z.object({ year: Year }),
        response: { 200: LedgerSummaryResponse },
      },
    },
    async (request) => ledgerSummary(request.ctx(), request.query.year),
  );
  r.get(
    '/ledger/export.xlsx',
    {
      config: { ...read, export: true },
      schema: {
        summary: '导出台账（Excel） · The filtered ledger as a spreadsheet (.xlsx)',
        tags,
        querystring: LedgerExportQuery,
      },
    },
    async (request, reply) => {
      const doc = await ledgerXlsxResponse(request.ctx(), request.query);
      if (!('stream' in doc)) return sendDocument(reply, doc);
      // a large ledger: the same headers, the body streamed as it is written
      return sendDocument(reply, { filename: doc.filename, contentType: doc.contentType, body: doc.stream });
    },
  );
  r.get(
    '/ledger/export.docx',
    {
      config: { ...read, export: true },
      schema: {
        summary: '导出台账（Word） · The filtered ledger as a printable document (.docx), streamed',
        tags,
        querystring: LedgerExportQuery,
      },
    },
    async (request, reply) => {
      const doc = await ledgerDocxResponse(request.ctx(), request.query);
      return sendDocument(reply, { filename: doc.filename, contentType: doc.contentType, body: doc.stream });
    },
  );
  r.get(
    '/ledger/:id',
    {
      config: read,
      schema: {
        summary: '台账记录详情 · One ledger record with its replies, attendance and attachments',
        tags,
        params: IdParams,
        response: one,
      },
    },
    async (request) => getRecord(request.ctx(), request.params.id),
  );
  r.post(
    '/ledger',
    {
      config: write,
      schema: {
        summary: '新增台账记录 · Record an invitation, notice, research, service or symposium',
        tags,
        body: CreateLedgerRecordRequest,
        response: one,
      },
    },
    async (request) => createRecord(request.ctx(), request.body),
  );
  r.patch(
    '/ledger/:id',
    {
      config: write,
      schema: {
        summary: "修改台账记录 · Change a ledger record's title, time, place, summary or plan item",
        tags,
        params: IdParams,
        body: UpdateLedgerRecordRequest,
        response: one,
      },
    },
    async (request) => updateRecord(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/reply',
    {
      config: write,
      schema: {
        summary: "回复邀请 · A counterpart's reply to an invitation (attend or decline)",
        tags,
        params: IdParams,
        body: ReplyRequest,
        response: one,
      },
    },
    async (request) => replyToInvitation(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/attendance',
    {
      config: write,
      schema: {
        summary: '登记出席 · Record who attended an invitation',
        tags,
        params: IdParams,
        body: AttendanceRequest,
        response: one,
      },
    },
    async (request) => recordAttendance(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/receipt',
    {
      config: write,
      schema: {
        summary: '确认收到通报 · Acknowledge a notice as received',
        tags,
        params: IdParams,
        body: ReceiptRequest,
        response: one,
      },
    },
    async (request) => acknowledgeNotice(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/take-up',
    {
      config: write,
      schema: {
        summary: '承接调研服务 · Take up a research or service request',
        tags,
        params: IdParams,
        response: one,
      },
    },
    async (request) => takeUpTopic(request.ctx(), request.params.id),
  );
  r.post(
    '/ledger/:id/adoption',
    {
      config: write,
      schema: {
        summary: "登记采纳情况 · Record how a counterpart's advice was adopted",
        tags,
        params: IdParams,
        body: AdoptionRequest,
        response: one,
      },
    },
    async (request) => recordAdoption(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/ledger/:id/minutes',
    {
      config: write,
      schema: {
        summary: '座谈会纪要 · Record the minutes of a symposium',
        tags,
        params: IdParams,
        body: MinutesRequest,
        response: one,
      },
    },
    async (request) => recordMinutes(request.ctx(), request.params.id, request.body),
  );
}
