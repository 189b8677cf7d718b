// The dashboard's figures, each one aggregated in SQL over every unit of the region at once (GROUP BY), never
// a query per unit.
import { sql } from 'kysely';
import type { Executor } from '../../context.js';
import { isPostgres } from '../../db/dialect.js';

export interface RegionFilter {
  regionIds: number[];
  year: number;
}

const ids = (a: number[]) => (a.length ? a : [-1]);

/** The 附件2 rounds of the year (newest per region first) and every form in them. */
export async function filingFigures(db: Executor, f: RegionFilter) {
  const rounds = await db
    .selectFrom('filing_rounds')
    .select(['id', 'region_id', 'deadline', 'status'])
    .where('region_id', 'in', ids(f.regionIds))
    .where('year', '=', f.year)
    .orderBy('id', 'desc')
    .execute();
  const forms = rounds.length
    ? await db
        .selectFrom('filings')
        .select(['id', 'round_id', 'organisation_id', 'status', 'submitted_late'])
        .where(
          'round_id',
          'in',
          rounds.map((r) => r.id),
        )
        .execute()
    : [];
  return { rounds, forms };
}

/** Per department's plan of the year: items, items done (a record linked), items overdue (month ended). */
export async function planFigures(db: Executor, f: RegionFilter & { endedMonths: number }) {
  const linked = sql<number>`case when exists (select 1 from ledger_records l where l.plan_item_id = i.id) then 1 else 0 end`;
  return db
    .selectFrom('plans as p')
    .leftJoin('plan_items as i', 'i.plan_id', 'p.id')
    .select(['p.department_id', 'p.id as plan_id'])
    .select((eb) => [
      eb.fn.count<number>('i.id').as('items'),
      sql<number>`coalesce(sum(${linked}), 0)`.as('done'),
      sql<number>`coalesce(sum(case when i.id is not null and ${linked} = 0 and i.target_month <= ${f.endedMonths} then 1 else 0 end), 0)`.as(
        'overdue',
      ),
    ])
    .where('p.region_id', 'in', ids(f.regionIds))
    .where('p.year', '=', f.year)
    .groupBy(['p.department_id', 'p.id'])
    .execute();
}

/** Per pair: ledger records of the year, and symposia held (started by `now`). */
export async function ledgerPairFigures(db: Executor, f: RegionFilter & { now: string }) {
  return db
    .selectFrom('ledger_records as l')
    .innerJoin('ledger_record_counterparts as rc', 'rc.record_id', 'l.id')
    .select(['l.department_id', 'rc.counterpart_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('records'),
      sql<number>`coalesce(sum(case when l.kind = 'symposium' and l.starts_at <= ${f.now} then 1 else 0 end), 0)`.as(
        'symposia',
      ),
    ])
    .where('l.region_id', 'in', ids(f.regionIds))
    .where('l.year', '=', f.year)
    .groupBy(['l.department_id', 'rc.counterpart_id'])
    .execute();
}

/** Per department: matters of the year, and 先协商后决策 violations (decided before the symposium, or without). */
export async function consultationFigures(db: Executor, f: RegionFilter) {
  return db
    .selectFrom('consultation_matters as m')
    .select('m.department_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('matters'),
      sql<number>`coalesce(sum(case when m.decided_at is not null and (m.held_at is null or m.decided_at < m.held_at) then 1 else 0 end), 0)`.as(
        'violations',
      ),
    ])
    .where('m.region_id', 'in', ids(f.regionIds))
    .where('m.year', '=', f.year)
    .groupBy('m.department_id')
    .execute();
}

/**
 * Per pair: suggestions received in the year, those with a first reply, first replies on time, and those
 * unanswered past their due date on `today`.
 */
export async function replyFigures(db: Executor, f: RegionFilter & { today: string }) {
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .leftJoin('consultation_replies as r', (j) => j.onRef('r.item_id', '=', 'i.id').on('r.round', '=', 1))
    .select(['m.department_id', 'i.counterpart_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('items'),
      eb.fn.count<number>('r.id').as('replied'),
      sql<number>`coalesce(sum(case when r.on_time = 1 then 1 else 0 end), 0)`.as('on_time'),
      sql<number>`coalesce(sum(case when i.status in ('awaiting_reply', 'rehandling') and i.due_date < ${f.today} then 1 else 0 end), 0)`.as(
        'overdue',
      ),
    ])
    .where('m.region_id', 'in', ids(f.regionIds))
    .where('i.received_on', '>=', `${f.year}-01-01`)
    .where('i.received_on', '<=', `${f.year}-12-31`)
    .groupBy(['m.department_id', 'i.counterpart_id'])
    .execute();
}

export async function reportFigures(db: Executor, f: RegionFilter) {
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'department_id', 'region_id', 'status', 'submitted_at', 'submitted_late'])
    .where('region_id', 'in', ids(f.regionIds))
    .where('year', '=', f.year)
    .execute();
  const rounds = await db
    .selectFrom('report_rounds')
    .select(['region_id', 'deadline'])
    .where('region_id', 'in', ids(f.regionIds))
    .where('year', '=', f.year)
    .execute();
  return { reports, deadlines: new Map(rounds.map((r) => [r.region_id, r.deadline])) };
}

/** The month (1–12, Asia/Shanghai) of a UTC ISO instant column, in SQL. */
function shanghaiMonth(db: Executor, column: string) {
  return isPostgres(db)
    ? sql<number>`cast(extract(month from (cast(${sql.ref(column)} as timestamptz) at time zone 'Asia/Shanghai')) as integer)`
    : sql<number>`cast(strftime('%m', ${sql.ref(column)}, '+8 hours') as integer)`;
}

/** Ledger records of the year per kind and month. */
export async function ledgerTrend(db: Executor, f: RegionFilter) {
  const month = shanghaiMonth(db, 'l.starts_at');
  return db
    .selectFrom('ledger_records as l')
    .select(['l.kind'])
    .select((eb) => [month.as('month'), eb.fn.countAll<number>().as('n')])
    .where('l.region_id', 'in', ids(f.regionIds))
    .where('l.year', '=', f.year)
    .groupBy(['l.kind', month])
    .execute();
}

/** First replies made in the year per month (replied_on is a date), on time or late. */
export async function replyTrend(db: Executor, f: RegionFilter) {
  const month = sql<number>`cast(substr(r.replied_on, 6, 2) as integer)`;
  return db
    .selectFrom('consultation_replies as r')
    .innerJoin('consultation_items as i', 'i.id', 'r.item_id')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .select((eb) => [month.as('month'), 'r.on_time', eb.fn.countAll<number>().as('n')])
    .where('m.region_id', 'in', ids(f.regionIds))
    .where('r.round', '=', 1)
    .where('r.replied_on', '>=', `${f.year}-01-01`)
    .where('r.replied_on', '<=', `${f.year}-12-31`)
    .groupBy([month, 'r.on_time'])
    .execute();
}
