import type { LedgerKind } from '../../../common/schemas/ledger.js';
import type {
  CreatePlanRequest,
  PlanDto,
  PlanItemDto,
  PlanItemInput,
  PlanItemStatus,
  PlanListQuery,
  UpdatePlanItemRequest,
} from '../../../common/schemas/plans.js';
import { monthEnd, monthEndedAt } from '../../../common/shanghai-time.js';
import { allowed, authorize } from '../../access/authorize.js';
import { counterpartOf } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { findRecordIds, ledgerScope, pairedWith, planItemRecords, recordsByIds } from '../ledger/index.js';
import { findOrganisation } from '../organisations/index.js';
import {
  deleteItemRow,
  insertItem,
  insertPlan,
  itemsOf,
  itemsWithLinks,
  listPlans,
  type PlanRow,
  planExists,
  touchPlan,
  updateItemRow,
} from './plans.repository.js';

/** done: something is linked; overdue: the target month has ended (Asia/Shanghai) with nothing linked. */
export function itemStatus(year: number, month: number, linked: number, now = nowIso()): PlanItemStatus {
  if (linked > 0) return 'done';
  return now >= monthEndedAt(year, month) ? 'overdue' : 'pending';
}

/** The department keeps its plan; 统战部 may correct it. */
const canEditPlan = (ctx: RequestContext, plan: { department_id: number }): boolean =>
  allowed(ctx.actor, 'plans.edit', { departmentId: plan.department_id });

async function present(db: Executor, ctx: RequestContext, plans: PlanRow[]): Promise<PlanDto[]> {
  const scope = ledgerScope(ctx.actor);
  const onlyCounterpart = counterpartOf(scope);
  const { items, links } = await itemsWithLinks(db, plans);
  // Links are listed only when the viewer may see the record; the status counts them all.
  const visibleLinks = new Set(
    await findRecordIds(db, {
      scope,
      ids: links.map((l) => l.id),
    }),
  );
  const out: PlanDto[] = [];
  for (const plan of plans) {
    const paired = await pairedWith(db, 'department', plan.department_id, plan.year);
    const counterparts = paired.size
      ? await db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('id', 'in', [...paired])
          .orderBy('sort_order')
          .orderBy('id')
          .execute()
      : [];
    const planItems: PlanItemDto[] = items
      .filter((i) => i.plan_id === plan.id)
      // a counterpart sees the items planned with it or with all counterparts
      .filter(
        (i) => onlyCounterpart === null || i.counterpart_id === null || i.counterpart_id === onlyCounterpart,
      )
      .map((i) => {
        const linked = links.filter((l) => l.plan_item_id === i.id);
        return {
          id: i.id,
          kind: i.kind as LedgerKind,
          title: i.title,
          targetMonth: i.target_month,
          dueDate: monthEnd(plan.year, i.target_month),
          counterpart: i.counterpart_id ? { id: i.counterpart_id, name: i.counterpart_name ?? '' } : null,
          note: i.note,
          status: itemStatus(plan.year, i.target_month, linked.length),
          links: linked
            .filter((l) => visibleLinks.has(l.id))
            .map((l) => ({ id: l.id, title: l.title, startsAt: l.starts_at })),
        };
      });
    out.push({
      id: plan.id,
      year: plan.year,
      department: { id: plan.department_id, name: plan.department_name },
      counterparts,
      symposiumId: plan.symposium_id,
      note: plan.note,
      items: planItems,
      counts: {
        done: planItems.filter((i) => i.status === 'done').length,
        pending: planItems.filter((i) => i.status === 'pending').length,
        overdue: planItems.filter((i) => i.status === 'overdue').length,
      },
      abilities: { canEdit: canEditPlan(ctx, plan) },
    });
  }
  return out;
}

export async function listPlansFor(ctx: RequestContext, query: PlanListQuery) {
  const rows = await listPlans(ctx.db, { scope: ledgerScope(ctx.actor), ...query });
  return {
    items: await present(ctx.db, ctx, rows),
    abilities: { canCreate: allowed(ctx.actor, 'plans.offerCreate', null) },
  };
}

async function visiblePlan(ctx: RequestContext, id: number): Promise<PlanRow> {
  const [row] = await listPlans(ctx.db, { scope: ledgerScope(ctx.actor), ids: [id] });
  if (!row) throw notFound();
  return row;
}

export async function getPlan(ctx: RequestContext, id: number): Promise<PlanDto> {
  return (await present(ctx.db, ctx, [await visiblePlan(ctx, id)]))[0] as PlanDto;
}

async function checkItem(db: Executor, departmentId: number, year: number, item: Partial<PlanItemInput>) {
  if (item.counterpartId) {
    const paired = await pairedWith(db, 'department', departmentId, year);
    if (!paired.has(item.counterpartId)) {
      throw new AppError('NOT_PAIRED', { field: 'counterpartId', ids: item.counterpartId, year });
    }
  }
}

/** A department writes its plan for a year, usually right after the symposium that agreed it. One per year. */
export async function createPlan(ctx: RequestContext, input: CreatePlanRequest): Promise<PlanDto> {
  authorize(ctx.actor, 'plans.create', { departmentId: input.departmentId });
  const department = await findOrganisation(ctx.db, input.departmentId);
  if (!department) throw notFound();
  if (input.symposiumId) {
    const [symposium] = await recordsByIds(
      ctx.db,
      await findRecordIds(ctx.db, { scope: ledgerScope(ctx.actor), ids: [input.symposiumId] }),
    );
    if (symposium?.kind !== 'symposium' || symposium.department_id !== department.id) {
      throw new AppError('PLAN_SYMPOSIUM_NOT_OWN');
    }
  }
  for (const item of input.items) await checkItem(ctx.db, department.id, input.year, item);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await planExists(trx, department.id, input.year)) throw conflict(`${department.name} ${input.year}`);
    const plan = await insertPlan(trx, {
      regionId: department.region_id,
      departmentId: department.id,
      year: input.year,
      symposiumId: input.symposiumId ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
    });
    for (const item of input.items) {
      await insertItem(trx, plan.id, {
        kind: item.kind,
        title: item.title,
        targetMonth: item.targetMonth,
        counterpartId: item.counterpartId ?? null,
        note: item.note ?? null,
      });
    }
    await appendAudit(trx, ctx, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: plan.id,
      regionId: plan.region_id,
      after: { ...plan, items: input.items },
    });
    return plan.id;
  });
  return getPlan(ctx, id);
}

export async function addPlanItem(
  ctx: RequestContext,
  planId: number,
  input: PlanItemInput,
): Promise<PlanDto> {
  const plan = await visiblePlan(ctx, planId);
  if (!canEditPlan(ctx, plan)) throw forbidden();
  await checkItem(ctx.db, plan.department_id, plan.year, input);
  await ctx.db.transaction().execute(async (trx) => {
    const item = await insertItem(trx, planId, {
      kind: input.kind,
      title: input.title,
      targetMonth: input.targetMonth,
      counterpartId: input.counterpartId ?? null,
      note: input.note ?? null,
    });
    await touchPlan(trx, planId);
    await appendAudit(trx, ctx, {
      action: 'plan.item.add',
      entityType: 'plan',
      entityId: planId,
      regionId: plan.region_id,
      after: item,
    });
  });
  return getPlan(ctx, planId);
}

async function itemOf(ctx: RequestContext, planId: number, itemId: number) {
  const plan = await visiblePlan(ctx, planId);
  const item = (await itemsOf(ctx.db, [planId])).find((i) => i.id === itemId);
  if (!item) throw notFound();
  return { plan, item };
}

/** Edit an item; its kind cannot change once a record of that kind is linked to it. */
export async function updatePlanItem(
  ctx: RequestContext,
  planId: number,
  itemId: number,
  input: UpdatePlanItemRequest,
): Promise<PlanDto> {
  const { plan, item } = await itemOf(ctx, planId, itemId);
  if (!canEditPlan(ctx, plan)) throw forbidden();
  await checkItem(ctx.db, plan.department_id, plan.year, input);
  const linked = await planItemRecords(ctx.db, [itemId]);
  if (linked.length && input.kind && input.kind !== item.kind) {
    throw new AppError('PLAN_ITEM_LINKED');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateItemRow(trx, itemId, {
      kind: input.kind,
      title: input.title,
      target_month: input.targetMonth,
      counterpart_id: input.counterpartId,
      note: input.note,
    });
    await touchPlan(trx, planId);
    await appendAudit(trx, ctx, {
      action: 'plan.item.update',
      entityType: 'plan',
      entityId: planId,
      regionId: plan.region_id,
      before: item,
      after: input,
    });
  });
  return getPlan(ctx, planId);
}

/** Remove an item nothing is linked to yet (a fulfilled item stays, as the record of what was planned). */
export async function deletePlanItem(ctx: RequestContext, planId: number, itemId: number): Promise<PlanDto> {
  const { plan, item } = await itemOf(ctx, planId, itemId);
  if (!canEditPlan(ctx, plan)) throw forbidden();
  if ((await planItemRecords(ctx.db, [itemId])).length) {
    throw new AppError('PLAN_ITEM_LINKED');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await deleteItemRow(trx, itemId);
    await touchPlan(trx, planId);
    await appendAudit(trx, ctx, {
      action: 'plan.item.delete',
      entityType: 'plan',
      entityId: planId,
      regionId: plan.region_id,
      before: item,
    });
  });
  return getPlan(ctx, planId);
}
