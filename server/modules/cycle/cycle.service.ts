// The yearly cycle (issue 7): at the start of each year (Asia/Shanghai) every active pair owes a liaison
// symposium, every paired department a work plan and an annual report; an open 附件2 round makes every unit of
// its region owe a form. Each obligation is a row with a unique key, so the sweep may create them on any
// number of instances, any number of times. An obligation is `met` when the matching record exists; that is
// computed in SQL (`metRef`) both when reading and when the sweep persists it.

import { type RawBuilder, sql } from 'kysely';
import type { ObligationKind } from '../../../common/schemas/dashboard.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { ObligationTable } from '../../db/schema.js';
import { inForceSql } from '../../year-rules.js';
import { symposiumHeldRef } from '../ledger/index.js';

/** When each obligation of year Y is due (YYYY-MM-DD); the report's deadline may be set per region. */
export const OBLIGATION_DUE: Record<Exclude<ObligationKind, 'filing'>, (year: number) => string> = {
  // 三(四) 每年定期或不定期召开对口联系工作座谈会: at least once in the year
  symposium: (y) => `${y}-12-31`,
  // 研究确定年度对口联系工作计划 at the year's symposium *(beyond: agreed by the end of the first quarter)*
  plan: (y) => `${y}-03-31`,
  // 附件3: 各政府部门应在每年1月下旬将报告表及时报区委统战部
  report: (y) => `${y + 1}-01-31`,
};

/** An obligation as the cycle creates it: open, met by nothing yet, stamped on insert. */
type NewObligation = Omit<
  ObligationTable,
  'id' | 'status' | 'met_by_ref' | 'met_at' | 'created_at' | 'updated_at'
>;

async function insertObligations(db: Executor, rows: NewObligation[]): Promise<number> {
  let created = 0;
  const now = nowIso();
  for (let i = 0; i < rows.length; i += 200) {
    const slice = rows.slice(i, i + 200);
    if (!slice.length) continue;
    const out = await db
      .insertInto('obligations')
      .values(
        slice.map((r) => ({
          ...r,
          status: 'open',
          met_by_ref: null,
          met_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .execute();
    created += out.length;
  }
  return created;
}

/** The pairs in force in `year` between active units (optionally of some regions). */
export async function activePairs(db: Executor, year: number, regionIds?: number[]) {
  let q = db
    .selectFrom('pairings as p')
    .innerJoin('organisations as d', 'd.id', 'p.department_id')
    .innerJoin('organisations as c', 'c.id', 'p.counterpart_id')
    .select(['p.region_id', 'p.department_id', 'p.counterpart_id'])
    .where(inForceSql(year, 'p'))
    .where('d.active', '=', 1)
    .where('c.active', '=', 1);
  if (regionIds) q = q.where('p.region_id', 'in', regionIds.length ? regionIds : [-1]);
  const rows = await q.orderBy('p.department_id').orderBy('p.counterpart_id').execute();
  // a pair can have several rows (history, 共同联系): one per pair
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.department_id}:${r.counterpart_id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Create the year's obligations of every active pair: a symposium per pair, a plan and a report per
 * department. Idempotent (unique key per region, year, kind and unit); returns how many were new.
 */
export async function runYearStart(
  db: Executor,
  year: number,
  kinds: readonly Exclude<ObligationKind, 'filing'>[] = ['symposium', 'plan', 'report'],
): Promise<{ created: number }> {
  const pairs = await activePairs(db, year);
  const rows: NewObligation[] = [];
  const departments = new Map<number, number>();
  for (const p of pairs) {
    departments.set(p.department_id, p.region_id);
    if (!kinds.includes('symposium')) continue;
    rows.push({
      key: `symposium:${p.region_id}:${year}:${p.department_id}:${p.counterpart_id}`,
      region_id: p.region_id,
      year,
      kind: 'symposium',
      department_id: p.department_id,
      counterpart_id: p.counterpart_id,
      organisation_id: p.department_id,
      source_id: null,
      due_date: OBLIGATION_DUE.symposium(year),
    });
  }
  const deadlines = new Map(
    (
      await db
        .selectFrom('report_rounds')
        .select(['region_id', 'deadline'])
        .where('year', '=', year)
        .execute()
    ).map((r) => [r.region_id, r.deadline]),
  );
  for (const [departmentId, regionId] of departments) {
    for (const kind of (['plan', 'report'] as const).filter((k) => kinds.includes(k))) {
      rows.push({
        key: `${kind}:${regionId}:${year}:${departmentId}`,
        region_id: regionId,
        year,
        kind,
        department_id: departmentId,
        counterpart_id: null,
        organisation_id: departmentId,
        source_id: null,
        due_date:
          kind === 'report'
            ? (deadlines.get(regionId) ?? OBLIGATION_DUE.report(year))
            : OBLIGATION_DUE[kind](year),
      });
    }
  }
  return { created: await insertObligations(db, rows) };
}

/** Every open 附件2 round makes each active unit of its region owe a form by the round's deadline. */
export async function syncFilingObligations(db: Executor): Promise<{ created: number }> {
  const units = await db
    .selectFrom('filing_rounds as fr')
    .innerJoin('organisations as o', 'o.region_id', 'fr.region_id')
    .select([
      'fr.id as round_id',
      'fr.region_id',
      'fr.year',
      'fr.deadline',
      'o.id as organisation_id',
      'o.kind',
    ])
    .where('fr.status', '=', 'open')
    .where('o.kind', 'in', ['department', 'counterpart'])
    .where('o.active', '=', 1)
    .execute();
  return {
    created: await insertObligations(
      db,
      units.map((u) => ({
        key: `filing:${u.region_id}:${u.round_id}:${u.organisation_id}`,
        region_id: u.region_id,
        year: u.year,
        kind: 'filing',
        department_id: u.kind === 'department' ? u.organisation_id : null,
        counterpart_id: u.kind === 'counterpart' ? u.organisation_id : null,
        organisation_id: u.organisation_id,
        source_id: u.round_id,
        due_date: u.deadline,
      })),
    ),
  };
}

/**
 * What met an obligation (of the outer `obligations` row), as 'ledger:12' | 'plan:3' | 'report:5' |
 * 'filing:9', or null while it is open: a symposium held by `now` (the facts module's rule) by the pair in the year; the
 * department's plan of the year; its report submitted or accepted; the unit's form submitted or filed.
 */
export function metRef(now: string): RawBuilder<string | null> {
  return sql<string | null>`case obligations.kind
    when 'symposium' then ${symposiumHeldRef(now)}
    when 'plan' then (select 'plan:' || cast(min(p.id) as text) from plans p
      where p.department_id = obligations.department_id and p.year = obligations.year)
    when 'report' then (select 'report:' || cast(min(r.id) as text) from reports r
      where r.department_id = obligations.department_id and r.year = obligations.year
        and r.status in ('submitted', 'accepted'))
    when 'filing' then (select 'filing:' || cast(min(f.id) as text) from filings f
      where f.round_id = obligations.source_id and f.organisation_id = obligations.organisation_id
        and f.status in ('submitted', 'filed'))
    else null end`;
}

/** Persist what `metRef` says (both ways: a returned form is owed again), and report deadlines set since. */
export async function refreshObligations(
  db: Executor,
  now: string = nowIso(),
): Promise<{ met: number; reopened: number }> {
  const ref = metRef(now);
  const met = await db
    .updateTable('obligations')
    .set({ status: 'met', met_by_ref: ref, met_at: now, updated_at: now })
    .where('status', '=', 'open')
    .where(sql<boolean>`${ref} is not null`)
    .executeTakeFirst();
  const reopened = await db
    .updateTable('obligations')
    .set({ status: 'open', met_by_ref: null, met_at: null, updated_at: now })
    .where('status', '=', 'met')
    .where(sql<boolean>`${ref} is null`)
    .executeTakeFirst();
  await db
    .updateTable('obligations')
    .set({
      due_date: sql<string>`(select rr.deadline from report_rounds rr
        where rr.region_id = obligations.region_id and rr.year = obligations.year)`,
      updated_at: now,
    })
    .where('kind', '=', 'report')
    .where(
      sql<boolean>`exists (select 1 from report_rounds rr where rr.region_id = obligations.region_id
        and rr.year = obligations.year and rr.deadline <> obligations.due_date)`,
    )
    .execute();
  return { met: Number(met.numUpdatedRows), reopened: Number(reopened.numUpdatedRows) };
}

/** The year-start step of the sweep: the current year in China (and the obligations of open rounds). */
export async function runCycle(db: Executor, now: Date): Promise<{ year: number; created: number }> {
  const year = Number(shanghaiDate(now.toISOString()).slice(0, 4));
  const a = await runYearStart(db, year);
  // in January and February the last year's report is being written: it is owed too (a first start later
  // in the year does not create last year's obligations after the fact)
  const month = Number(shanghaiDate(now.toISOString()).slice(5, 7));
  const last = month <= 2 ? await runYearStart(db, year - 1, ['report']) : { created: 0 };
  const b = await syncFilingObligations(db);
  await refreshObligations(db, now.toISOString());
  return { year, created: a.created + last.created + b.created };
}

/** Obligations of some units (or regions), with what met them computed now. */
export async function obligationsWithState(
  db: Executor,
  f: {
    now: string;
    organisationIds?: number[];
    counterpartId?: number;
    kind?: ObligationKind;
    regionIds?: number[];
    year?: number;
    openOnly?: boolean;
  },
) {
  let q = db
    .selectFrom('obligations')
    .innerJoin('organisations as o', 'o.id', 'obligations.organisation_id')
    .leftJoin('organisations as c', 'c.id', 'obligations.counterpart_id')
    .selectAll('obligations')
    .select(['o.name as organisation_name', 'c.name as counterpart_name'])
    .select(metRef(f.now).as('met_ref'));
  if (f.organisationIds)
    q = q.where('obligations.organisation_id', 'in', f.organisationIds.length ? f.organisationIds : [-1]);
  if (f.regionIds) q = q.where('obligations.region_id', 'in', f.regionIds.length ? f.regionIds : [-1]);
  if (f.counterpartId !== undefined) q = q.where('obligations.counterpart_id', '=', f.counterpartId);
  if (f.kind) q = q.where('obligations.kind', '=', f.kind);
  if (f.year !== undefined) q = q.where('obligations.year', '=', f.year);
  const rows = await q.orderBy('obligations.due_date').orderBy('obligations.id').execute();
  return f.openOnly ? rows.filter((r) => r.met_ref === null) : rows;
}
