import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DashboardCellQuery,
  DashboardCellResponse,
  DashboardExportQuery,
  DashboardQuery,
  DashboardResponse,
} from '../../../common/schemas/dashboard.js';
import { sendDocument } from '../../documents/send-document.js';
import { dashboardXlsx } from './dashboard.export.js';
import { dashboard, dashboardCell } from './dashboard.service.js';

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];
  const config = { permission: 'dashboard:read' as const };
  r.get(
    '/dashboard',
    {
      config,
      schema: {
        summary: "履职督查 · The region's liaison work by unit and requirement",
        tags,
        querystring: DashboardQuery,
        response: { 200: DashboardResponse },
      },
    },
    async (request) => dashboard(request.ctx(), request.query),
  );
  r.get(
    '/dashboard/cell',
    {
      config,
      schema: {
        summary: '督查明细 · The records behind one dashboard cell',
        tags,
        querystring: DashboardCellQuery,
        response: { 200: DashboardCellResponse },
      },
    },
    async (request) => dashboardCell(request.ctx(), request.query),
  );
  r.get(
    '/dashboard/export.xlsx',
    {
      config: { ...config, export: true },
      schema: {
        summary: '导出履职督查 · The dashboard as a spreadsheet (.xlsx)',
        tags,
        querystring: DashboardExportQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await dashboardXlsx(request.ctx(), request.query)),
  );
}
