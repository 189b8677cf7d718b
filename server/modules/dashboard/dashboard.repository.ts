// The dashboard's lookups of status rows (附件2 forms, reports) over every unit of the region at once, never a
// query per unit; the year's work is counted by the facts module (server/modules/facts).
import type { Executor } from '../../context.js';

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
