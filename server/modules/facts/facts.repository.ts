// The facts module's bulk reads: one query per table for a whole scope and year (no id lists, no joins for
// names), so a region's year loads in a few scans.
import type { Scope } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { scopedRecords as ledgerScoped } from '../ledger/ledger.repository.js';

/** `ledger_records as l` of a scope and year. */
const scopedRecords = (db: Executor, scope: Scope, year: number) =>
  ledgerScoped(db, scope).where('l.year', '=', year);

export async function ledgerOfYear(db: Executor, scope: Scope, year: number) {
  const [records, counterparts, responses] = await Promise.all([
    scopedRecords(db, scope, year)
      .select([
        'l.id',
        'l.kind',
        'l.subtype',
        'l.direction',
        'l.title',
        'l.starts_at',
        'l.department_id',
        'l.host_id',
        'l.status',
        'l.details_json',
      ])
      .orderBy('l.starts_at')
      .orderBy('l.id')
      .execute(),
    scopedRecords(db, scope, year)
      .innerJoin('ledger_record_counterparts as rc', 'rc.record_id', 'l.id')
      .select(['rc.record_id', 'rc.counterpart_id'])
      .execute(),
    scopedRecords(db, scope, year)
      .innerJoin('ledger_responses as r', 'r.record_id', 'l.id')
      .select(['r.record_id', 'r.organisation_id', 'r.reply', 'r.attended', 'r.received_at', 'r.read_at'])
      .execute(),
  ]);
  return { records, counterparts, responses };
}

/** Names and print order of organisations, by id. */
export async function organisationsByIds(db: Executor, ids: number[]) {
  const out: { id: number; name: string; kind: string; region_id: number; sort_order: number }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'region_id', 'sort_order'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return new Map(out.map((o) => [o.id, o]));
}
