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
      schema: {
        summary: "年度工作会议材料 · The figures and text of the year's conference pack",
        tags,
        params: ReportRoundParams,
        response: { 200: ConferenceResponse },
      },
    },
    async (request) => conferenceData(request.ctx(), request.params.year),
  );
  r.get(
    '/evaluations',
    {
      config: { permission: 'reports:read' },
      schema: {
        summary: "互评 · The year's mutual evaluations of the pairs in one's scope",
        tags,
        querystring: YearQuery,
        response: { 200: EvaluationListResponse },
      },
    },
    async (request) => listEvaluations(request.ctx(), request.query.year),
  );
  r.put(
    '/evaluations',
    {
      config: { permission: 'evaluations:write' },
      schema: {
        summary: "填写互评 · Score the other side of one's pair (1–5) with a comment",
        tags,
        body: EvaluationRequest,
        response: { 200: EvaluationDto },
      },
    },
    async (request) => ratePartner(request.ctx(), request.body),
  );
}
