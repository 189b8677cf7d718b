import type { LedgerKind } from '../../../common/schemas/ledger.js';
import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { likeContains } from '../../db/like.js';
import { inForceSql } from '../../year-rules.js';
import { indexLedgerRecord } from './ledger.search.js';

export interface LedgerFilter {
  scope: Scope;
  ids?: number[];
  year?: number;
  departmentId?: number;
  counterpartId?: number;
  kind?: LedgerKind;
  q?: string;
  /** UTC instants: starts_at >= fromIso and < toIso */
  fromIso?: string;
  toIso?: string;
}

/** `ledger_records as l` narrowed to what a scope may see. */
export function scopedRecords(db: Executor, scope: Scope) {
  return db.selectFrom('ledger_records as l').where((eb) =>
    scopeWhere(eb, scope, {
      region: { id: 'l.region_id' },
      department: 'l.department_id',
      counterpart: (unit) =>
        eb(
          'l.id',
          'in',
          eb
            .selectFrom('ledger_record_counterparts')
            .select('record_id')
            .where('counterpart_id', '=', unit.organisationId),
        ),
    }),
  );
}

/** Ids of the records the scope may see that match the filter, in chronological order (or newest first). */
export async function findRecordIds(
  db: Executor,
  f: LedgerFilter,
  order: 'asc' | 'desc' = 'asc',
): Promise<number[]> {
  let query = scopedRecords(db, f.scope).select('l.id');
  if (f.ids) query = query.where('l.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.year !== undefined) query = query.where('l.year', '=', f.year);
  if (f.departmentId) query = query.where('l.department_id', '=', f.departmentId);
  if (f.counterpartId) {
    const cp = f.counterpartId;
    query = query.where(
      'l.id',
      'in',
      db.selectFrom('ledger_record_counterparts').select('record_id').where('counterpart_id', '=', cp),
    );
  }
  if (f.kind) query = query.where('l.kind', '=', f.kind);
  if (f.fromIso) query = query.where('l.starts_at', '>=', f.fromIso);
  if (f.toIso) query = query.where('l.starts_at', '<', f.toIso);
  if (f.q) {
    const q = f.q;
    query = query.where((eb) =>
      eb.or([likeContains('l.title', q), likeContains('l.place', q), likeContains('l.summary', q)]),
    );
  }
  const rows = await query.orderBy('l.starts_at', order).orderBy('l.id', order).execute();
  return rows.map((r) => r.id);
}

/** Full rows with the department's and host's names, in chronological order. */
export async function recordsByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('ledger_records as l')
    .innerJoin('organisations as d', 'd.id', 'l.department_id')
    .innerJoin('organisations as h', 'h.id', 'l.host_id')
    .selectAll('l')
    .select(['d.name as department_name', 'h.name as host_name'])
    .where('l.id', 'in', ids)
    .orderBy('l.starts_at')
    .orderBy('l.id')
    .execute();
}
export type LedgerRow = Awaited<ReturnType<typeof recordsByIds>>[number];

export async function counterpartsOf(db: Executor, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .selectFrom('ledger_record_counterparts as rc')
    .innerJoin('organisations as o', 'o.id', 'rc.counterpart_id')
    .select(['rc.record_id', 'o.id', 'o.name'])
    .where('rc.record_id', 'in', recordIds)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();
}

export async function responsesOf(db: Executor, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .selectFrom('ledger_responses as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select(['o.name as organisation_name'])
    .where('r.record_id', 'in', recordIds)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();
}
export type ResponseRow = Awaited<ReturnType<typeof responsesOf>>[number];

/** Organisations paired with `organisationId` (on the other side) in force in `year`. */
export async function pairedWith(
  db: Executor,
  side: 'department' | 'counterpart',
  organisationId: number,
  year: number,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('pairings')
    .select(['counterpart_id', 'department_id'])
    .where(side === 'department' ? 'department_id' : 'counterpart_id', '=', organisationId)
    .where(inForceSql(year, 'pairings'))
    .execute();
  return new Set(rows.map((r) => (side === 'department' ? r.counterpart_id : r.department_id)));
}

export async function insertRecord(
  db: Executor,
  values: {
    regionId: number;
    departmentId: number;
    hostId: number;
    year: number;
    kind: LedgerKind;
    subtype: string;
    direction: string | null;
    title: string;
    startsAt: string;
    endsAt: string | null;
    place: string | null;
    summary: string | null;
    status: string;
    details: unknown;
    planItemId: number | null;
    createdBy: number;
  },
) {
  const now = nowIso();
  return db
    .insertInto('ledger_records')
    .values({
      region_id: values.regionId,
      department_id: values.departmentId,
      host_id: values.hostId,
      year: values.year,
      kind: values.kind,
      subtype: values.subtype,
      direction: values.direction,
      title: values.title,
      starts_at: values.startsAt,
      ends_at: values.endsAt,
      place: values.place,
      summary: values.summary,
      status: values.status,
      details_json: JSON.stringify(values.details),
      plan_item_id: values.planItemId,
      created_by: values.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertRecordCounterparts(db: Executor, recordId: number, counterpartIds: number[]) {
  if (!counterpartIds.length) return;
  await db
    .insertInto('ledger_record_counterparts')
    .values(counterpartIds.map((c) => ({ record_id: recordId, counterpart_id: c })))
    .execute();
  // the record is complete once its counterparts are in: index it with them
  await indexLedgerRecord(db, recordId);
}

export async function insertResponses(
  db: Executor,
  recordId: number,
  organisationIds: number[],
  reply: 'pending' | 'n/a',
) {
  if (!organisationIds.length) return;
  await db
    .insertInto('ledger_responses')
    .values(
      organisationIds.map((o) => ({
        record_id: recordId,
        organisation_id: o,
        reply,
        reply_attendees: null,
        reply_note: null,
        replied_at: null,
        replied_by: null,
        attended: null,
        attendees: null,
        received_at: null,
        received_by: null,
        read_at: null,
        read_by: null,
      })),
    )
    .execute();
}

export async function updateRecordRow(
  db: Executor,
  id: number,
  values: Partial<{
    title: string;
    starts_at: string;
    ends_at: string | null;
    year: number;
    place: string | null;
    summary: string | null;
    status: string;
    details_json: string;
    plan_item_id: number | null;
  }>,
) {
  await db
    .updateTable('ledger_records')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await indexLedgerRecord(db, id);
}

export async function updateResponseRow(
  db: Executor,
  recordId: number,
  organisationId: number,
  values: Partial<{
    reply: string;
    reply_attendees: string | null;
    reply_note: string | null;
    replied_at: string | null;
    replied_by: string | null;
    attended: number | null;
    attendees: string | null;
    received_at: string | null;
    received_by: string | null;
    read_at: string | null;
    read_by: string | null;
  }>,
) {
  await db
    .updateTable('ledger_responses')
    .set(values)
    .where('record_id', '=', recordId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** A plan item with its plan's department and year, for linking a record to it. */
export async function findPlanItemWithPlan(db: Executor, itemId: number) {
  return db
    .selectFrom('plan_items as i')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.kind', 'i.counterpart_id', 'p.department_id', 'p.year'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

/** Per pair and per kind (and direction): how many records of the year. */
/** The kind of each record (to write a streamed export a sheet at a time). */
export async function kindsOf(db: Executor, ids: number[]) {
  const out: { id: number; kind: LedgerKind }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    out.push(
      ...(await db.selectFrom('ledger_records').select(['id', 'kind']).where('id', 'in', slice).execute()),
    );
  }
  return out;
}
