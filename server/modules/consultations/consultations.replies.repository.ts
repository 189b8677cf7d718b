// The consultations' reply rows: one reply per item and round, and the counterpart's verdict on it (split from the
// one repository so each table group has its own file).
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { ConsultationReplyTable } from '../../db/schema.js';
import { indexRepliesOfItem } from '../search/index.js';

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
