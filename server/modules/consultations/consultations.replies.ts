// The reply cycle of an item: the department replies, the counterpart rates the reply, 统战部 closes the item.
import type {
  CloseItemRequest,
  ItemScreenResponse,
  ReplyRequest,
  VerdictRequest,
} from '../../../common/schemas/consultations.js';
import { addWorkingDays } from '../../../common/working-days.js';
import { authorize } from '../../access/authorize.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { notificationText, notifyOrganisations } from '../notifications/index.js';
import { supervisedOpenItem } from './consultations.extensions.js';
import { decideExtension, extensionsOf } from './consultations.extensions.repository.js';
import { getItemScreen, moved, ownOpenItem, visibleItem } from './consultations.items.js';
import { insertItemEvent, updateItemRow } from './consultations.items.repository.js';
import { insertReply, setVerdict } from './consultations.replies.repository.js';
import { awaitingReply, consultationSettingsFor, today } from './consultations.settings.js';
import { itemEventText } from './item-event-texts.js';

/**
 * 及时给予反馈和答复: the department replies (class, text, the reason when not adopting). On time when given on
 * or before the due date (Asia/Shanghai). A pending extension request lapses. The counterpart is asked to rate.
 */
export async function replyToItem(
  ctx: RequestContext,
  id: number,
  input: ReplyRequest,
): Promise<ItemScreenResponse> {
  const row = await ownOpenItem(ctx, id);
  if (!awaitingReply(row.status)) throw new AppError('ITEM_ALREADY_REPLIED');
  const day = today();
  const onTime = day <= row.due_date;
  const analysis = input.analysis ?? row.analysis;
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateItemRow(trx, id, row, { status: 'awaiting_verdict', analysis });
    if (!ok) throw moved();
    await insertReply(trx, {
      itemId: id,
      round: row.round,
      replyClass: input.replyClass,
      text: input.text,
      reason: input.reason ?? null,
      analysis,
      repliedOn: day,
      repliedBy: ctx.actor.userId,
      dueDate: row.due_date,
      onTime,
    });
    const pending = (await extensionsOf(trx, [id])).find((e) => e.status === 'requested');
    if (pending) {
      await decideExtension(trx, pending.id, {
        status: 'withdrawn',
        daysGranted: null,
        dueAfter: null,
        note: '已答复，延期申请失效 / replied: the request lapsed',
        userId: null,
      });
    }
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'replied',
      ...itemEventText('replied', { replyClass: input.replyClass, onTime, dueDate: row.due_date }),
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.counterpart_id], {
      ...notificationText('consultationReply', {
        matter: row.matter_title,
        department: row.department_name,
        replyClass: input.replyClass,
      }),
      link: `/consultations/items/${id}`,
      key: `consultation-reply:${id}:${row.round}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.reply',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { status: row.status, round: row.round },
      after: {
        status: 'awaiting_verdict',
        replyClass: input.replyClass,
        text: input.text,
        reason: input.reason ?? null,
        repliedOn: day,
        onTime,
      },
    });
  });
  return getItemScreen(ctx, id);
}

/** The department asks 统战部 for more working days, with a reason; one request at a time. */
/**
 * The counterpart's verdict on the reply to its own item: satisfied or basically satisfied closes the item;
 * not satisfied reopens it for 二次办理 — a new round, due N working days after the verdict date.
 */
export async function rateReply(
  ctx: RequestContext,
  id: number,
  input: VerdictRequest,
): Promise<ItemScreenResponse> {
  const row = await visibleItem(ctx, id);
  authorize(ctx.actor, 'consultations.rate', { counterpartId: row.counterpart_id });
  if (row.status === 'closed') throw new AppError('ITEM_CLOSED');
  if (row.status !== 'awaiting_verdict') throw new AppError('ITEM_NOT_REPLIED');
  const day = today();
  const reopen = input.verdict === 'not_satisfied';
  const { replyWorkingDays } = await consultationSettingsFor(ctx.db, row.region_path);
  const nextDue = addWorkingDays(day, replyWorkingDays);
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    const rated = await setVerdict(trx, id, row.round, {
      verdict: input.verdict,
      comment: input.comment ?? null,
      userId: ctx.actor.userId,
    });
    const next = reopen
      ? { status: 'rehandling' as const, round: row.round + 1, due_date: nextDue }
      : { status: 'closed' as const, closed_at: now, closed_by: ctx.actor.userId };
    if (!rated || !(await updateItemRow(trx, id, row, next))) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'verdict',
      ...itemEventText('verdict', { verdict: input.verdict, comment: input.comment ?? null }),
      actorId: ctx.actor.userId,
    });
    await insertItemEvent(trx, {
      itemId: id,
      round: reopen ? row.round + 1 : row.round,
      action: reopen ? 'reopened' : 'closed',
      ...(reopen
        ? itemEventText('reopened', { dueDate: nextDue })
        : itemEventText('closedByVerdict', { verdict: input.verdict })),
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.department_id], {
      ...notificationText('consultationVerdict', {
        matter: row.matter_title,
        rater: ctx.actor.organisationName,
        verdict: input.verdict,
        reopen,
        comment: input.comment ?? null,
        nextDue,
      }),
      link: `/consultations/items/${id}`,
      key: `consultation-verdict:${id}:${row.round}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.verdict',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { status: row.status, round: row.round },
      after: { verdict: input.verdict, comment: input.comment ?? null, ...next },
    });
  });
  return getItemScreen(ctx, id);
}

/** 统战部 closes an item with a note (e.g. the counterpart does not rate, or the matter was withdrawn). */
export async function closeItem(
  ctx: RequestContext,
  id: number,
  input: CloseItemRequest,
): Promise<ItemScreenResponse> {
  const row = await supervisedOpenItem(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateItemRow(trx, id, row, {
      status: 'closed',
      closed_at: nowIso(),
      close_note: input.note,
      closed_by: ctx.actor.userId,
    });
    if (!ok) throw moved();
    const pending = (await extensionsOf(trx, [id])).find((e) => e.status === 'requested');
    if (pending) {
      await decideExtension(trx, pending.id, {
        status: 'withdrawn',
        daysGranted: null,
        dueAfter: null,
        note: '已办结 / the item was closed',
        userId: ctx.actor.userId,
      });
    }
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'closed',
      note: input.note,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.close',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { status: row.status },
      after: { status: 'closed', note: input.note },
    });
  });
  return getItemScreen(ctx, id);
}
