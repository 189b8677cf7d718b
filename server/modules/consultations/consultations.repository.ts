import { type ExpressionBuilder, sql } from 'kysely';
import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type {
  ConsultationItemEventTable,
  ConsultationItemTable,
  ConsultationMatterTable,
  ConsultationReplyTable,
  Database,
} from '../../db/schema.js';
import { inForceSql } from '../../year-rules.js';
import { indexMatter, indexMatterTree, indexRepliesOfItem, indexSuggestion } from '../search/index.js';

// ---------------------------------------------------------------------------------------------------------
// Matters

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
const mattersInScope =
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

// ---------------------------------------------------------------------------------------------------------
// Items

export interface ItemFilter {
  scope: Scope;
  ids?: number[];
  matterIds?: number[];
  year?: number;
  departmentId?: number;
  counterpartId?: number;
  statuses?: ConsultationItemTable['status'][];
}

/** Ids of the items the scope may see (the items of the matters it sees) that match the filter. */
export async function findItemIds(db: Executor, f: ItemFilter): Promise<number[]> {
  let query = db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .select('i.id')
    .where(mattersInScope(db, f.scope));
  if (f.ids) query = query.where('i.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.matterIds) query = query.where('i.matter_id', 'in', f.matterIds.length ? f.matterIds : [-1]);
  if (f.year !== undefined) {
    query = query
      .where('i.received_on', '>=', `${f.year}-01-01`)
      .where('i.received_on', '<=', `${f.year}-12-31`);
  }
  if (f.departmentId) query = query.where('m.department_id', '=', f.departmentId);
  if (f.counterpartId) query = query.where('i.counterpart_id', '=', f.counterpartId);
  if (f.statuses)
    query = f.statuses.length ? query.where('i.status', 'in', f.statuses) : query.where(sql<boolean>`1 = 0`);
  const rows = await query.orderBy('i.due_date').orderBy('i.id').execute();
  return rows.map((r) => r.id);
}

export async function itemsByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .innerJoin('organisations as e', 'e.id', 'i.entered_by_org')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .selectAll('i')
    .select([
      'm.title as matter_title',
      'm.department_id',
      'm.region_id',
      'r.path as region_path',
      'd.name as department_name',
      'c.name as counterpart_name',
      'e.name as entered_by_name',
    ])
    .where('i.id', 'in', ids)
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsByIds>>[number];

export async function insertItem(
  db: Executor,
  values: {
    matterId: number;
    counterpartId: number;
    source: ConsultationItemTable['source'];
    text: string;
    receivedOn: string;
    enteredByOrg: number;
    createdBy: number;
    dueDate: string;
  },
) {
  const now = nowIso();
  const item = await db
    .insertInto('consultation_items')
    .values({
      matter_id: values.matterId,
      counterpart_id: values.counterpartId,
      source: values.source,
      text: values.text,
      received_on: values.receivedOn,
      entered_by_org: values.enteredByOrg,
      created_by: values.createdBy,
      created_at: now,
      status: 'awaiting_reply',
      round: 1,
      due_date: values.dueDate,
      analysis: null,
      closed_at: null,
      close_note: null,
      closed_by: null,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexSuggestion(db, item.id);
  return item;
}

/**
 * Change an item only while it is in the status and round the caller read (two users — or a user and the
 * sweep — cannot both move it): false when it moved meanwhile.
 */
export async function updateItemRow(
  db: Executor,
  id: number,
  expected: { status: ConsultationItemTable['status']; round: number },
  values: {
    status?: ConsultationItemTable['status'];
    round?: number;
    due_date?: string;
    analysis?: string | null;
    closed_at?: string | null;
    close_note?: string | null;
    closed_by?: number | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('consultation_items')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', expected.status)
    .where('round', '=', expected.round)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Per matter: items, items not closed, unanswered items past their due date on `today`. */
export async function itemCounts(db: Executor, matterIds: number[], today: string) {
  if (!matterIds.length) return [];
  const rows = await db
    .selectFrom('consultation_items')
    .select(['matter_id', 'status', 'due_date'])
    .where('matter_id', 'in', matterIds)
    .execute();
  const counts = new Map<number, { total: number; open: number; overdue: number }>();
  for (const r of rows) {
    const c = counts.get(r.matter_id) ?? { total: 0, open: 0, overdue: 0 };
    c.total += 1;
    if (r.status !== 'closed') c.open += 1;
    if ((r.status === 'awaiting_reply' || r.status === 'rehandling') && r.due_date < today) c.overdue += 1;
    counts.set(r.matter_id, c);
  }
  return [...counts.entries()].map(([matterId, c]) => ({ matterId, ...c }));
}

// ---------------------------------------------------------------------------------------------------------
// Replies, extensions, events

export async function repliesOf(db: Executor, itemIds: number[]) {
  if (!itemIds.length) return [];
  return db
    .selectFrom('consultation_replies as r')
    .leftJoin('users as u', 'u.id', 'r.replied_by')
    .selectAll('r')
    .select('u.display_name as replied_by_name')
    .where('r.item_id', 'in', itemIds)
    .orderBy('r.item_id')
    .orderBy('r.round')
    .execute();
}
export type ReplyRow = Awaited<ReturnType<typeof repliesOf>>[number];

export async function insertReply(
  db: Executor,
  values: {
    itemId: number;
    round: number;
    replyClass: ConsultationReplyTable['reply_class'];
    text: string;
    reason: string | null;
    analysis: string | null;
    repliedOn: string;
    repliedBy: number;
    dueDate: string;
    onTime: boolean;
  },
): Promise<void> {
  await db
    .insertInto('consultation_replies')
    .values({
      item_id: values.itemId,
      round: values.round,
      reply_class: values.replyClass,
      text: values.text,
      reason: values.reason,
      analysis: values.analysis,
      replied_on: values.repliedOn,
      replied_at: nowIso(),
      replied_by: values.repliedBy,
      due_date: values.dueDate,
      on_time: values.onTime ? 1 : 0,
      verdict: null,
      verdict_comment: null,
      verdict_at: null,
      verdict_by: null,
    })
    .execute();
  await indexRepliesOfItem(db, values.itemId);
}

export async function setVerdict(
  db: Executor,
  itemId: number,
  round: number,
  values: { verdict: NonNullable<ConsultationReplyTable['verdict']>; comment: string | null; userId: number },
): Promise<boolean> {
  const result = await db
    .updateTable('consultation_replies')
    .set({
      verdict: values.verdict,
      verdict_comment: values.comment,
      verdict_at: nowIso(),
      verdict_by: values.userId,
    })
    .where('item_id', '=', itemId)
    .where('round', '=', round)
    .where('verdict', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function extensionsOf(db: Executor, itemIds: number[]) {
  if (!itemIds.length) return [];
  return db
    .selectFrom('consultation_extensions')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('item_id')
    .orderBy('id')
    .execute();
}
export type ExtensionRow = Awaited<ReturnType<typeof extensionsOf>>[number];

export async function insertExtension(
  db: Executor,
  values: { itemId: number; round: number; reason: string; days: number; dueBefore: string; userId: number },
) {
  return db
    .insertInto('consultation_extensions')
    .values({
      item_id: values.itemId,
      round: values.round,
      reason: values.reason,
      days_requested: values.days,
      status: 'requested',
      requested_by: values.userId,
      requested_at: nowIso(),
      days_granted: null,
      due_before: values.dueBefore,
      due_after: null,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function decideExtension(
  db: Executor,
  id: number,
  values: {
    status: 'granted' | 'refused' | 'withdrawn';
    daysGranted: number | null;
    dueAfter: string | null;
    note: string | null;
    userId: number | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('consultation_extensions')
    .set({
      status: values.status,
      days_granted: values.daysGranted,
      due_after: values.dueAfter,
      decision_note: values.note,
      decided_by: values.userId,
      decided_at: nowIso(),
    })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Append to an item's timeline; with a dedupe key, a second insert of the same key is a no-op (false). */
export async function insertItemEvent(
  db: Executor,
  values: {
    itemId: number;
    round: number;
    action: ConsultationItemEventTable['action'];
    stage?: ConsultationItemEventTable['stage'];
    note?: string | null;
    actorId: number | null;
    dedupeKey?: string | null;
    at?: string;
  },
): Promise<boolean> {
  const created = await db
    .insertInto('consultation_item_events')
    .values({
      item_id: values.itemId,
      round: values.round,
      action: values.action,
      stage: values.stage ?? null,
      note: values.note ?? null,
      actor_id: values.actorId,
      at: values.at ?? nowIso(),
      dedupe_key: values.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return created.length === 1;
}

/** An item's timeline in the order things were recorded (a sweep run for a past instant keeps its `at`). */
export async function itemEvents(db: Executor, itemId: number) {
  return db
    .selectFrom('consultation_item_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.round', 'e.action', 'e.stage', 'e.note', 'e.at', 'u.display_name as actor_name'])
    .where('e.item_id', '=', itemId)
    .orderBy('e.id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// The sweep

/** Every unanswered item (awaiting a first reply or re-handling), with what a reminder needs. */
export async function unansweredItems(db: Executor) {
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .select([
      'i.id',
      'i.round',
      'i.due_date',
      'i.status',
      'i.text',
      'm.id as matter_id',
      'm.title as matter_title',
      'm.department_id',
      'm.region_id',
      'r.path as region_path',
      'd.name as department_name',
      'c.name as counterpart_name',
    ])
    .where('i.status', 'in', ['awaiting_reply', 'rehandling'])
    .orderBy('i.id')
    .execute();
}
