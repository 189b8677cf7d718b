import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccessLogQuery,
  AccessLogResponse,
  AuditListQuery,
  AuditListResponse,
} from '../../../common/schemas/audit.js';
import { sendDocument } from '../../documents/send-document.js';
import { listAccessLog } from './access-log.js';
import { exportAudit, listAuditFor } from './audit.service.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  const config = { permission: 'audit:read' as const };
  r.get(
    '/audit',
    {
      config,
      schema: {
        summary: '审计日志 · The audit trail: who did what to which record, when',
        tags,
        querystring: AuditListQuery,
        response: { 200: AuditListResponse },
      },
    },
    async (request) => listAuditFor(request.ctx(), request.query),
  );
  r.get(
    '/audit/export.xlsx',
    {
      config: { ...config, export: true },
      schema: {
        summary: '导出审计日志 · The audit trail as a spreadsheet (.xlsx)',
        tags,
        querystring: AuditListQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => sendDocument(reply, await exportAudit(request.ctx(), request.query)),
  );
  r.get(
    '/access-log',
    {
      config: { permission: 'access-log:read' },
      schema: {
        summary: "访问拒绝记录 · Refusals and phone reveals in one's region",
        tags,
        querystring: AccessLogQuery,
        response: { 200: AccessLogResponse },
      },
    },
    async (request) => listAccessLog(request.ctx(), request.query),
  );
}
