import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreatePlanRequest,
  PlanDto,
  PlanItemInput,
  PlanItemParams,
  PlanListQuery,
  PlanListResponse,
  UpdatePlanItemRequest,
} from '../../../common/schemas/plans.js';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  addPlanItem,
  createPlan,
  deletePlanItem,
  getPlan,
  listPlansFor,
  updatePlanItem,
} from './plans.service.js';

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { permission: 'plans:read' as const };
  const write = { permission: 'plans:write' as const };
  const one = { 200: PlanDto };

  r.get(
    '/plans',
    {
      config: read,
      schema: {
        summary: "年度计划 · List the annual plans in one's scope",
        tags,
        querystring: PlanListQuery,
        response: { 200: PlanListResponse },
      },
    },
    async (request) => listPlansFor(request.ctx(), request.query),
  );
  r.get(
    '/plans/:id',
    {
      config: read,
      schema: {
        summary: '年度计划详情 · One annual plan with its items and their progress',
        tags,
        params: IdParams,
        response: one,
      },
    },
    async (request) => getPlan(request.ctx(), request.params.id),
  );
  r.post(
    '/plans',
    {
      config: write,
      schema: {
        summary: "制定年度计划 · Create a department's annual plan, settled at the symposium",
        tags,
        body: CreatePlanRequest,
        response: one,
      },
    },
    async (request) => createPlan(request.ctx(), request.body),
  );
  r.post(
    '/plans/:id/items',
    {
      config: write,
      schema: {
        summary: '新增计划事项 · Add an item to a plan',
        tags,
        params: IdParams,
        body: PlanItemInput,
        response: one,
      },
    },
    async (request) => addPlanItem(request.ctx(), request.params.id, request.body),
  );
  r.patch(
    '/plans/:id/items/:itemId',
    {
      config: write,
      schema: {
        summary: '修改计划事项 · Change a plan item or link it to ledger records',
        tags,
        params: PlanItemParams,
        body: UpdatePlanItemRequest,
        response: one,
      },
    },
    async (request) => updatePlanItem(request.ctx(), request.params.id, request.params.itemId, request.body),
  );
  r.delete(
    '/plans/:id/items/:itemId',
    {
      config: write,
      schema: {
        summary: '删除计划事项 · Remove a plan item that nothing is linked to',
        tags,
        params: PlanItemParams,
        response: one,
      },
    },
    async (request) => deletePlanItem(request.ctx(), request.params.id, request.params.itemId),
  );
}
