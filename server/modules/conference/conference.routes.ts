import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ConferenceResponse,
  EvaluationDto,
  EvaluationListResponse,
  EvaluationRequest,
  ReportRoundParams,
  YearQuery,
} from '../../../common/schemas/reports.js';
import { conferenceData, listEvaluations, ratePartner } from './conference.service.js';

export async function conferenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['conference'];

  // The pack as files: POST /jobs { type: 'conference-pack-docx' | 'conference-pack-xlsx', year }.
  r.get(
    '/conference/:year',
    {
      config: { permission: 'conference:read' },
      schema: { tags, params: ReportRoundParams, response: { 200: ConferenceResponse } },
    },
    async (request) => conferenceData(request.ctx(), request.params.year),
  );
  r.get(
    '/evaluations',
    {
      config: { permission: 'reports:read' },
      schema: { tags, querystring: YearQuery, response: { 200: EvaluationListResponse } },
    },
    async (request) => listEvaluations(request.ctx(), request.query.year),
  );
  r.put(
    '/evaluations',
    {
      config: { permission: 'evaluations:write' },
      schema: { tags, body: EvaluationRequest, response: { 200: EvaluationDto } },
    },
    async (request) => ratePartner(request.ctx(), request.body),
  );
}
