// The consultations' item rows: an opinion or suggestion, its timeline of events, and the unanswered items the sweep
// reminds of (split from the one repository so each table group has its own file).
import { sql } from 'kysely';
import type { Scope } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { ConsultationItemEventTable, ConsultationItemTable } from '../../db/schema.js';
import { indexSuggestion } from '../search/index.js';
import { mattersInScope } from './consultations.matters.repository.js';

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

/** Items with their matter, its department and region, and the counterpart that raised them. */
function itemsWithMatter(db: Executor) {
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .innerJoin('regions as r', 'r.id', 'm.region_id');
}

/** What an item carries of its matter, its two sides and its region (the joins of `itemsWithMatter`). */
const MATTER_COLUMNS = [
  'm.title as matter_title',
  'm.department_id',
  'm.region_id',
  'r.path as region_path',
  'd.name as department_name',
  'c.name as counterpart_name',
] as const;

export async function itemsByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return itemsWithMatter(db)
    .innerJoin('organisations as e', 'e.id', 'i.entered_by_org')
    .selectAll('i')
    .select([...MATTER_COLUMNS, 'e.name as entered_by_name'])
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
// Events

/** Append to an item's timeline; with a dedupe key, a second insert of the same key is a no-op (false). */
export async function insertItemEvent(
  db: Executor,
  values: {
    itemId: number;
    round: number;
    action: ConsultationItemEventTable['action'];
    stage?: ConsultationItemEventTable['stage'];
    /** Chinese, or what the user typed */
    note?: string | null;
    /** the system's note in English (`itemEventText`) */
    noteEn?: string | null;
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
      note_en: values.noteEn ?? null,
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
    .select([
      'e.id',
      'e.round',
      'e.action',
      'e.stage',
      'e.note',
      'e.note_en',
      'e.at',
      'u.display_name as actor_name',
    ])
    .where('e.item_id', '=', itemId)
    .orderBy('e.id')
    .execute();
}

/** How many times this action was recorded on an item's round (e.g. the 督办 so far, for the escalation). */
export async function countItemEvents(
  db: Executor,
  itemId: number,
  round: number,
  action: ConsultationItemEventTable['action'],
): Promise<number> {
  const row = await db
    .selectFrom('consultation_item_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('item_id', '=', itemId)
    .where('round', '=', round)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------------------------------------------------
// The sweep

/** Every unanswered item (awaiting a first reply or re-handling), with what a reminder needs. */
export async function unansweredItems(db: Executor) {
  return itemsWithMatter(db)
    .select(['i.id', 'i.round', 'i.due_date', 'i.status', 'i.text', 'm.id as matter_id', ...MATTER_COLUMNS])
    .where('i.status', 'in', ['awaiting_reply', 'rehandling'])
    .orderBy('i.id')
    .execute();
}
