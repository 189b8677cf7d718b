// The consultations' extension rows: a department's request for more time on an item and 统战部's decision (split
// from the one repository so each table group has its own file).
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';

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
