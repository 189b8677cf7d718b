import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcknowledgeChangeReportRequest,
  ChangeReportDto,
  ChangeReportListQuery,
  ChangeReportListResponse,
  RevealRequest,
  RosterDetailQuery,
  RosterDetailResponse,
  RosterExportQuery,
  RosterListQuery,
  RosterListResponse,
  RosterParams,
  RosterRoleParams,
  UpdateRosterPersonRequest,
} from '../../../common/schemas/roster.js';
import { IdParams } from '../../../common/schemas/shared.js';
import { sendDocument } from '../../documents/send-document.js';
import { rosterXlsx } from './roster.export.js';
import {
  acknowledgeChangeReport,
  getRoster,
  listChangeReportsFor,
  listRoster,
  revealRoster,
  updateRosterPerson,
} from './roster.service.js';

export async function rosterRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roster'];
  const read = { permission: 'roster:read' as const };

  r.get(
    '/roster',
    {
      config: read,
      schema: {
        summary: '责任人名册 · The units with their responsible persons as of a date',
        tags,
        querystring: RosterListQuery,
        response: { 200: RosterListResponse },
      },
    },
    async (request) => listRoster(request.ctx(), request.query),
  );
  r.get(
    '/roster/:organisationId',
    {
      config: read,
      schema: {
        summary: "单位责任人 · One unit's 分管领导, 联络员 and their history",
        tags,
        params: RosterParams,
        querystring: RosterDetailQuery,
        response: { 200: RosterDetailResponse },
      },
    },
    async (request) => getRoster(request.ctx(), request.params.organisationId, request.query.date),
  );
  r.put(
    '/roster/:organisationId/:role',
    {
      config: { permission: 'roster:write' },
      schema: {
        summary: '更新责任人 · Record a new 分管领导 or 联络员 of a unit',
        tags,
        params: RosterRoleParams,
        body: UpdateRosterPersonRequest,
        response: { 200: RosterDetailResponse },
      },
    },
    async (request) =>
      updateRosterPerson(request.ctx(), request.params.organisationId, request.params.role, request.body),
  );
  r.post(
    '/roster/:organisationId/reveal',
    {
      config: { permission: 'contacts:reveal' },
      schema: {
        summary: "查看完整电话 · Reveal a unit's full phone numbers, with a reason (audited)",
        tags,
        params: RosterParams,
        body: RevealRequest,
        response: { 200: RosterDetailResponse },
      },
    },
    async (request) => revealRoster(request.ctx(), request.params.organisationId, request.body),
  );
  r.get(
    '/change-reports',
    {
      config: read,
      schema: {
        summary: '变更报告 · The reported changes of responsible persons',
        tags,
        querystring: ChangeReportListQuery,
        response: { 200: ChangeReportListResponse },
      },
    },
    async (request) => listChangeReportsFor(request.ctx(), request.query),
  );
  r.post(
    '/change-reports/:id/acknowledge',
    {
      config: { permission: 'filings:review' },
      schema: {
        summary: '确认变更报告 · Acknowledge a reported change',
        tags,
        params: IdParams,
        body: AcknowledgeChangeReportRequest,
        response: { 200: ChangeReportDto },
      },
    },
    async (request) => acknowledgeChangeReport(request.ctx(), request.params.id, request.body),
  );
  r.get(
    '/documents/roster.xlsx',
    {
      config: { permission: 'documents:read', export: true },
      schema: {
        summary: '导出名册 · The roster as a spreadsheet (.xlsx), masked unless revealed',
        tags: ['documents'],
        querystring: RosterExportQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await rosterXlsx(request.ctx(), request.query)),
  );
}
