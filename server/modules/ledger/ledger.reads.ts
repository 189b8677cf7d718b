// What other modules read of the ledger (through index.ts): the ledger's tables are read here and in the
// repository, nowhere else.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { heldSql } from '../../year-rules.js';
import { scopedRecords } from './ledger.repository.js';

/** A scope's ledger year in three scans (records, their counterparts, their responses): the facts' bulk read. */
export async function ledgerOfYear(db: Executor, scope: Scope, year: number) {
  const ofYear = () => scopedRecords(db, scope).where('l.year', '=', year);
  const [records, counterparts, responses] = await Promise.all([
    ofYear()
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
    ofYear()
      .innerJoin('ledger_record_counterparts as rc', 'rc.record_id', 'l.id')
      .select(['rc.record_id', 'rc.counterpart_id'])
      .execute(),
    ofYear()
      .innerJoin('ledger_responses as r', 'r.record_id', 'l.id')
      .select(['r.record_id', 'r.organisation_id', 'r.reply', 'r.attended', 'r.received_at', 'r.read_at'])
      .execute(),
  ]);
  return { records, counterparts, responses };
}

/** Ledger records linked to plan items (all of them: an item is done whoever can see the record). */
export async function planItemRecords(db: Executor, itemIds: number[]) {
  if (!itemIds.length) return [];
  return db
    .selectFrom('ledger_records')
    .select(['id', 'title', 'starts_at', 'plan_item_id'])
    .where('plan_item_id', 'in', itemIds)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** In a query over plan items: whether a ledger record is linked to the item whose id is `itemId` ('i.id'). */
export function planItemRecorded(itemId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from ledger_records lr where lr.plan_item_id = ${sql.ref(itemId)})`;
}

/**
 * Invitations whose invitee has not answered, starting from `from` (and before `to`): of one invitee
 * (`organisationId`) or of all.
 */
export async function invitationsAwaitingReply(
  db: Executor,
  f: { from: string; to?: string; organisationId?: number },
) {
  let q = db
    .selectFrom('ledger_responses as r')
    .innerJoin('ledger_records as l', 'l.id', 'r.record_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('organisations as h', 'h.id', 'l.host_id')
    .select([
      'l.id',
      'l.title',
      'l.starts_at',
      'r.organisation_id',
      'o.name as organisation_name',
      'h.name as host_name',
    ])
    .where('l.kind', '=', 'invitation')
    .where('r.reply', '=', 'pending')
    .where('l.starts_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('l.starts_at', '<', f.to);
  if (f.organisationId !== undefined) q = q.where('r.organisation_id', '=', f.organisationId);
  return q.orderBy('l.starts_at').orderBy('l.id').execute();
}

/** Notices sent to this unit that nobody of it has marked read yet (its receipt is owed), oldest first. */
export async function noticesAwaitingRead(db: Executor, organisationId: number) {
  return db
    .selectFrom('ledger_responses as r')
    .innerJoin('ledger_records as l', 'l.id', 'r.record_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('organisations as h', 'h.id', 'l.host_id')
    .select(['l.id', 'l.title', 'l.starts_at', 'o.id as org_id', 'o.name as org_name', 'h.name as host_name'])
    .where('l.kind', '=', 'notice')
    .where('r.organisation_id', '=', organisationId)
    .where('r.read_at', 'is', null)
    .orderBy('l.starts_at')
    .orderBy('l.id')
    .execute();
}

/** Ledger records the scope sees (the ledger's own rules) changed after `since`, newest first. */
export async function recordsChangedSince(db: Executor, scope: Scope, since: string, limit: number) {
  return scopedRecords(db, scope)
    .select(['l.id', 'l.title', 'l.updated_at'])
    .where('l.updated_at', '>', since)
    .orderBy('l.updated_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * In the query over `obligations`: 'ledger:<id>' of the first symposium of the obligation's pair and year held
 * by `now` (the year rules' `heldSql`), or null.
 */
export function symposiumHeldRef(now: string): RawBuilder<string | null> {
  return sql<string | null>`(select 'ledger:' || cast(min(l.id) as text) from ledger_records l
      inner join ledger_record_counterparts rc on rc.record_id = l.id
      where l.kind = 'symposium' and l.department_id = obligations.department_id
        and rc.counterpart_id = obligations.counterpart_id and l.year = obligations.year and ${heldSql(now, 'l')})`;
}
