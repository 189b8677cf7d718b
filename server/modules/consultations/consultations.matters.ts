// 重大事项民主协商: the matters — list, read, create, edit — and the notices to the units consulted.
import type {
  CreateMatterRequest,
  MatterDto,
  MatterListQuery,
  MatterListResponse,
  UpdateMatterRequest,
} from '../../../common/schemas/consultations.js';
import { shanghaiYear } from '../../../common/shanghai-time.js';
import { allowed, authorize } from '../../access/authorize.js';
import type { Executor, RequestContext } from '../../context.js';
import { checkPlannedDate } from '../../date-checks.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { findOrganisation } from '../organisations/index.js';
import { findItemIds, itemsByIds } from './consultations.items.repository.js';
import {
  counterpartsByIds,
  findMatterIds,
  insertMatter,
  insertMatterCounterparts,
  type MatterRow,
  matterCounterparts,
  mattersByIds,
  pairedCounterparts,
  removeMatterCounterparts,
  updateMatterRow,
} from './consultations.matters.repository.js';
import { consultationScope } from './consultations.policy.js';
import { presentMatters } from './consultations.present.js';

// ---------------------------------------------------------------------------------------------------------
// Matters

export async function listMatters(ctx: RequestContext, query: MatterListQuery): Promise<MatterListResponse> {
  const ids = await findMatterIds(ctx.db, {
    scope: consultationScope(ctx.actor),
    year: query.year,
    departmentId: query.departmentId,
    counterpartId: query.counterpartId,
    kind: query.kind,
    violation: query.violation === '1',
  });
  const rows = await mattersByIds(ctx.db, ids.slice(query.offset, query.offset + query.limit));
  return {
    items: await presentMatters(ctx, rows),
    total: ids.length,
    abilities: { canCreate: allowed(ctx.actor, 'consultations.offerCreate', null) },
  };
}

/** A matter the actor may see, or NOT_FOUND — the same answer as a matter that does not exist. */
export async function visibleMatter(
  ctx: RequestContext,
  id: number,
  db: Executor = ctx.db,
): Promise<MatterRow> {
  const [found] = await findMatterIds(db, { scope: consultationScope(ctx.actor), ids: [id] });
  if (!found) throw notFound();
  const [row] = await mattersByIds(db, [id]);
  if (!row) throw notFound();
  return row;
}

/** A matter of the actor's own department (managing it); anyone else who can see it may not. */
export async function ownMatter(ctx: RequestContext, id: number): Promise<MatterRow> {
  const row = await visibleMatter(ctx, id);
  authorize(ctx.actor, 'consultations.manage', { departmentId: row.department_id });
  return row;
}

export async function getMatter(ctx: RequestContext, id: number): Promise<MatterDto> {
  const row = await visibleMatter(ctx, id);
  return (await presentMatters(ctx, [row]))[0] as MatterDto;
}

/**
 * The counterparts a matter consults: given ids must be counterparts of the department's region paired with it
 * in the year; omitted, all its pairs in force in the year.
 */
async function resolveCounterparts(
  db: Executor,
  department: { id: number; region_id: number },
  year: number,
  requested: number[] | undefined,
): Promise<{ counterpartId: number; paired: boolean }[]> {
  const paired = new Set(await pairedCounterparts(db, department.id, year));
  const ids = requested ? [...new Set(requested)] : [...paired];
  if (!ids.length) {
    throw new AppError('CONSULTATION_NO_PAIRS', { year });
  }
  const found = await counterpartsByIds(db, ids);
  const valid = new Set(found.filter((c) => c.region_id === department.region_id).map((c) => c.id));
  const wrong = ids.filter((c) => !valid.has(c));
  if (wrong.length) {
    throw new AppError('NOT_COUNTERPARTS', { ids: wrong.join(', ') });
  }
  // a department consults the counterparts it is paired with in the year, no others
  const unpaired = ids.filter((c) => !paired.has(c));
  if (unpaired.length) {
    throw new AppError('NOT_PAIRED', { field: 'counterpartIds', ids: unpaired.join(', '), year });
  }
  return ids.map((id) => ({ counterpartId: id, paired: true }));
}

export async function createMatter(ctx: RequestContext, input: CreateMatterRequest): Promise<MatterDto> {
  authorize(ctx.actor, 'consultations.manage', { departmentId: input.departmentId });
  checkPlannedDate(ctx, input.plannedDecisionDate);
  const department = await findOrganisation(ctx.db, input.departmentId);
  if (department?.kind !== 'department') throw notFound();
  const year = shanghaiYear(nowIso());
  const counterparts = await resolveCounterparts(ctx.db, department, year, input.counterpartIds);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertMatter(trx, {
      regionId: department.region_id,
      departmentId: department.id,
      year,
      kind: input.kind,
      title: input.title,
      summary: input.summary ?? null,
      plannedDecisionDate: input.plannedDecisionDate ?? null,
      createdBy: ctx.actor.userId,
    });
    await insertMatterCounterparts(trx, created.id, counterparts);
    await appendAudit(trx, ctx, {
      action: 'consultation.matter.create',
      entityType: 'consultation_matter',
      entityId: created.id,
      regionId: created.region_id,
      after: { ...created, counterparts },
    });
    return created.id;
  });
  return getMatter(ctx, id);
}

export async function updateMatter(
  ctx: RequestContext,
  id: number,
  input: UpdateMatterRequest,
): Promise<MatterDto> {
  const before = await ownMatter(ctx, id);
  if (input.plannedDecisionDate !== undefined && input.plannedDecisionDate !== before.planned_decision_date)
    checkPlannedDate(ctx, input.plannedDecisionDate);
  let added: { counterpartId: number; paired: boolean }[] = [];
  let removed: number[] = [];
  if (input.counterpartIds) {
    const department = { id: before.department_id, region_id: before.region_id };
    const next = await resolveCounterparts(ctx.db, department, before.year, input.counterpartIds);
    const current = (await matterCounterparts(ctx.db, [id])).map((c) => c.id);
    added = next.filter((n) => !current.includes(n.counterpartId));
    removed = current.filter((c) => !next.some((n) => n.counterpartId === c));
    if (removed.length) {
      const withItems = await findItemIds(ctx.db, {
        scope: consultationScope(ctx.actor),
        matterIds: [id],
      }).then((ids) => itemsByIds(ctx.db, ids));
      const blocked = removed.filter((c) => withItems.some((i) => i.counterpart_id === c));
      if (blocked.length) {
        throw new AppError('COUNTERPART_HAS_ITEMS', { names: blocked.join(', ') });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, {
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      planned_decision_date: input.plannedDecisionDate,
    });
    await removeMatterCounterparts(trx, id, removed);
    await insertMatterCounterparts(trx, id, added);
    await appendAudit(trx, ctx, {
      action: 'consultation.matter.update',
      entityType: 'consultation_matter',
      entityId: id,
      regionId: before.region_id,
      before,
      after: { ...input, added, removed },
    });
  });
  return getMatter(ctx, id);
}
