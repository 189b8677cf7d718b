// The consultations' matter rows: a matter, its consulted counterparts and invitations, and the scope every list of
// matters and items is narrowed by (split from the one repository so each table group has its own file).
import type { ExpressionBuilder } from 'kysely';
import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { ConsultationMatterTable, Database } from '../../db/schema.js';
import { inForceSql } from '../../year-rules.js';
import { indexMatter, indexMatterTree } from '../search/index.js';

export interface MatterFilter {
  scope: Scope;
  ids?: number[];
  year?: number;
  departmentId?: number;
  counterpartId?: number;
  kind?: ConsultationMatterTable['kind'];
  /** only matters decided before their symposium was held (or without one) */
  violation?: boolean;
}

/**
 * `consultation_matters as m` narrowed to a scope: its region's matters, a department's own, the ones a
 * counterpart is consulted on.
 */
export const mattersInScope =
  (db: Executor, scope: Scope) =>
  (eb: ExpressionBuilder<Database & { m: Database['consultation_matters'] }, 'm'>) =>
    scopeWhere(eb, scope, {
      region: { id: 'm.region_id' },
      department: 'm.department_id',
      counterpart: (unit) =>
        eb(
          'm.id',
          'in',
          db
            .selectFrom('consultation_matter_counterparts')
            .select('matter_id')
            .where('counterpart_id', '=', unit.organisationId),
        ),
    });

/** Ids of the matters the scope may see that match the filter, newest first. */
export async function findMatterIds(db: Executor, f: MatterFilter): Promise<number[]> {
  let query = db.selectFrom('consultation_matters as m').select('m.id').where(mattersInScope(db, f.scope));
  if (f.ids) query = query.where('m.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.year !== undefined) query = query.where('m.year', '=', f.year);
  if (f.departmentId) query = query.where('m.department_id', '=', f.departmentId);
  if (f.counterpartId) {
    const cp = f.counterpartId;
    query = query.where(
      'm.id',
      'in',
      db.selectFrom('consultation_matter_counterparts').select('matter_id').where('counterpart_id', '=', cp),
    );
  }
  if (f.kind) query = query.where('m.kind', '=', f.kind);
  if (f.violation) {
    // ISO-8601 UTC text of one format compares in time order
    query = query
      .where('m.decided_at', 'is not', null)
      .where((eb) => eb.or([eb('m.held_at', 'is', null), eb('m.decided_at', '<', eb.ref('m.held_at'))]));
  }
  const rows = await query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').execute();
  return rows.map((r) => r.id);
}

export async function mattersByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('consultation_matters as m')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .selectAll('m')
    .select(['d.name as department_name', 'r.path as region_path'])
    .where('m.id', 'in', ids)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}
export type MatterRow = Awaited<ReturnType<typeof mattersByIds>>[number];

export async function matterCounterparts(db: Executor, matterIds: number[]) {
  if (!matterIds.length) return [];
  return db
    .selectFrom('consultation_matter_counterparts as mc')
    .innerJoin('organisations as o', 'o.id', 'mc.counterpart_id')
    .select(['mc.matter_id', 'o.id', 'o.name', 'mc.paired', 'mc.invitee', 'mc.invited_at'])
    .where('mc.matter_id', 'in', matterIds)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();
}

export async function insertMatter(
  db: Executor,
  values: {
    regionId: number;
    departmentId: number;
    year: number;
    kind: ConsultationMatterTable['kind'];
    title: string;
    summary: string | null;
    plannedDecisionDate: string | null;
    createdBy: number;
  },
) {
  const now = nowIso();
  return db
    .insertInto('consultation_matters')
    .values({
      region_id: values.regionId,
      department_id: values.departmentId,
      year: values.year,
      kind: values.kind,
      title: values.title,
      summary: values.summary,
      planned_decision_date: values.plannedDecisionDate,
      symposium_status: 'none',
      symposium_at: null,
      symposium_place: null,
      held_at: null,
      attendees: null,
      minutes: null,
      decided_at: null,
      decision_note: null,
      created_by: values.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMatterRow(
  db: Executor,
  id: number,
  values: {
    kind?: ConsultationMatterTable['kind'];
    title?: string;
    summary?: string | null;
    planned_decision_date?: string | null;
    symposium_status?: ConsultationMatterTable['symposium_status'];
    symposium_at?: string | null;
    symposium_place?: string | null;
    held_at?: string | null;
    attendees?: string | null;
    minutes?: string | null;
    decided_at?: string | null;
    decision_note?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('consultation_matters')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await indexMatter(db, id);
}

export async function insertMatterCounterparts(
  db: Executor,
  matterId: number,
  rows: { counterpartId: number; paired: boolean }[],
): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('consultation_matter_counterparts')
    .values(
      rows.map((r) => ({
        matter_id: matterId,
        counterpart_id: r.counterpartId,
        paired: r.paired ? 1 : 0,
        invitee: null,
        invited_at: null,
      })),
    )
    .execute();
  // who sees the matter (and its items) changed: index them with their counterparts
  await indexMatterTree(db, matterId);
}

export async function removeMatterCounterparts(db: Executor, matterId: number, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db
    .deleteFrom('consultation_matter_counterparts')
    .where('matter_id', '=', matterId)
    .where('counterpart_id', 'in', ids)
    .execute();
}

export async function markInvited(
  db: Executor,
  matterId: number,
  counterpartId: number,
  invitee: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('consultation_matter_counterparts')
    .set({ invitee, invited_at: at })
    .where('matter_id', '=', matterId)
    .where('counterpart_id', '=', counterpartId)
    .execute();
}

/** Counterparts (active, of kind counterpart) among these ids, with their region's path. */
export async function counterpartsByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.region_id', 'r.path as region_path'])
    .where('o.id', 'in', ids)
    .where('o.kind', '=', 'counterpart')
    .where('o.active', '=', 1)
    .execute();
}

/** The counterparts paired with a department in force in a year. */
export async function pairedCounterparts(
  db: Executor,
  departmentId: number,
  year: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('pairings')
    .select('counterpart_id')
    .where('department_id', '=', departmentId)
    .where(inForceSql(year, 'pairings'))
    .execute();
  return [...new Set(rows.map((r) => r.counterpart_id))];
}
