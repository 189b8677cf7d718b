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
    { config: read, schema: { tags, querystring: RosterListQuery, response: { 200: RosterListResponse } } },
    async (request) => listRoster(request.ctx(), request.query),
  );
  r.get(
    '/roster/:organisationId',
    {
      config: read,
      schema: {
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
      schema: { tags, params: RosterParams, body: RevealRequest, response: { 200: RosterDetailResponse } },
    },
    async (request) => revealRoster(request.ctx(), request.params.organisationId, request.body),
  );
  r.get(
    '/change-reports',
    {
      config: read,
      schema: { tags, querystring: ChangeReportListQuery, response: { 200: ChangeReportListResponse } },
    },
    async (request) => listChangeReportsFor(request.ctx(), request.query),
  );
  r.post(
    '/change-reports/:id/acknowledge',
    {
      config: { permission: 'filings:review' },
      schema: {
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
      schema: { tags: ['documents'], querystring: RosterExportQuery },
    },
    async (request, reply) => sendDocument(reply, await rosterXlsx(request.ctx(), request.query)),
  );
}
