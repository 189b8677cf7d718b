import { sql } from 'kysely';
import type { LedgerKind } from '../../../common/schemas/ledger.js';
import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { planItemRecords } from '../ledger/index.js';

export interface PlanFilter {
  scope: Scope;
  ids?: number[];
  year?: number;
  departmentId?: number;
}

/**
 * Plans the scope may see: 统战部/区府办 their region; a department its own; a counterpart the plans of the
 * departments it is paired with in the plan's year.
 */
export async function listPlans(db: Executor, f: PlanFilter) {
  let query = db
    .selectFrom('plans as p')
    .innerJoin('organisations as d', 'd.id', 'p.department_id')
    .selectAll('p')
    .select(['d.name as department_name'])
    .where((eb) =>
      scopeWhere(eb, f.scope, {
        region: { id: 'p.region_id' },
        department: 'p.department_id',
        counterpart: (unit) =>
          eb.exists(
            eb
              .selectFrom('pairings as pr')
              .select(sql<number>`1`.as('one'))
              .whereRef('pr.department_id', '=', 'p.department_id')
              .where('pr.counterpart_id', '=', unit.organisationId)
              .whereRef('pr.valid_from', '<=', 'p.year')
              .where((e) => e.or([e('pr.valid_to', 'is', null), e('pr.valid_to', '>=', e.ref('p.year'))])),
          ),
      }),
    );
  if (f.ids) query = query.where('p.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.year !== undefined) query = query.where('p.year', '=', f.year);
  if (f.departmentId) query = query.where('p.department_id', '=', f.departmentId);
  return query.orderBy('p.year', 'desc').orderBy('d.sort_order').orderBy('d.id').execute();
}
export type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

export async function itemsOf(db: Executor, planIds: number[]) {
  if (!planIds.length) return [];
  return db
    .selectFrom('plan_items as i')
    .leftJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .selectAll('i')
    .select(['c.name as counterpart_name'])
    .where('i.plan_id', 'in', planIds)
    .orderBy('i.target_month')
    .orderBy('i.id')
    .execute();
}
export type PlanItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

/** The items of these plans with the ledger records that carry them out (each link once, unfiltered by scope). */
export async function itemsWithLinks(db: Executor, plans: { id: number }[]) {
  const items = await itemsOf(
    db,
    plans.map((p) => p.id),
  );
  const links = await planItemRecords(
    db,
    items.map((i) => i.id),
  );
  return { items, links };
}

export async function insertPlan(
  db: Executor,
  values: {
    regionId: number;
    departmentId: number;
    year: number;
    symposiumId: number | null;
    note: string | null;
    createdBy: number;
  },
) {
  const now = nowIso();
  return db
    .insertInto('plans')
    .values({
      region_id: values.regionId,
      department_id: values.departmentId,
      year: values.year,
      symposium_id: values.symposiumId,
      note: values.note,
      created_by: values.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function planExists(db: Executor, departmentId: number, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('plans')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertItem(
  db: Executor,
  planId: number,
  values: {
    kind: LedgerKind;
    title: string;
    targetMonth: number;
    counterpartId: number | null;
    note: string | null;
  },
) {
  const now = nowIso();
  return db
    .insertInto('plan_items')
    .values({
      plan_id: planId,
      kind: values.kind,
      title: values.title,
      target_month: values.targetMonth,
      counterpart_id: values.counterpartId,
      note: values.note,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateItemRow(
  db: Executor,
  id: number,
  values: Partial<{
    kind: LedgerKind;
    title: string;
    target_month: number;
    counterpart_id: number | null;
    note: string | null;
  }>,
) {
  await db
    .updateTable('plan_items')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function deleteItemRow(db: Executor, id: number) {
  await db.deleteFrom('plan_items').where('id', '=', id).execute();
}

export async function touchPlan(db: Executor, id: number) {
  await db.updateTable('plans').set({ updated_at: nowIso() }).where('id', '=', id).execute();
}
