import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';

/** Insert or replace one side's rating of a pair's year (one per side). */
export async function upsertEvaluation(
  db: Executor,
  v: {
    regionId: number;
    year: number;
    departmentId: number;
    counterpartId: number;
    raterSide: string;
    score: number;
    comment: string | null;
    ratedBy: number;
  },
) {
  const now = nowIso();
  return db
    .insertInto('pair_evaluations')
    .values({
      region_id: v.regionId,
      year: v.year,
      department_id: v.departmentId,
      counterpart_id: v.counterpartId,
      rater_side: v.raterSide,
      score: v.score,
      comment: v.comment,
      rated_by: v.ratedBy,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['year', 'department_id', 'counterpart_id', 'rater_side']).doUpdateSet({
        score: v.score,
        comment: v.comment,
        rated_by: v.ratedBy,
        updated_at: now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Evaluations of a year a scope sees: of a region and under, or those involving a unit on either side; with no
 * scope (null) every one, narrowed by id.
 */
export async function evaluationsIn(
  db: Executor,
  scope: Scope | null,
  year: number,
  f: { ids?: number[] } = {},
) {
  let query = db
    .selectFrom('pair_evaluations as e')
    .innerJoin('organisations as d', 'd.id', 'e.department_id')
    .innerJoin('organisations as c', 'c.id', 'e.counterpart_id')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .selectAll('e')
    .select(['d.name as department_name', 'c.name as counterpart_name'])
    .where('e.year', '=', year);
  if (scope !== null) {
    query = query.where((eb) =>
      scopeWhere(eb, scope, {
        region: { path: 'r.path' },
        organisation: ['e.department_id', 'e.counterpart_id'],
      }),
    );
  }
  if (f.ids) query = query.where('e.id', 'in', f.ids.length ? f.ids : [-1]);
  return query
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .orderBy('e.rater_side')
    .execute();
}
