// Opinions and suggestions of a matter: created, listed, the item screen, the department's internal analysis.
import type {
  AnalysisRequest,
  CreateItemRequest,
  DueState,
  ItemDto,
  ItemEventDto,
  ItemFilter,
  ItemListQuery,
  ItemListResponse,
  ItemScreenResponse,
  ItemStatus,
} from '../../../common/schemas/consultations.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { addWorkingDays } from '../../../common/working-days.js';
import { authorize } from '../../access/authorize.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { notificationText, notifyOrganisations } from '../notifications/index.js';
import { extensionsOf } from './consultations.extensions.repository.js';
import {
  findItemIds,
  type ItemRow,
  insertItem,
  insertItemEvent,
  itemEvents,
  itemsByIds,
  updateItemRow,
} from './consultations.items.repository.js';
import { visibleMatter } from './consultations.matters.js';
import { matterCounterparts, mattersByIds } from './consultations.matters.repository.js';
import { consultationScope, isOwner, seesReplies } from './consultations.policy.js';
import {
  inSlices,
  presentExtension,
  presentItems,
  presentMatters,
  presentReply,
} from './consultations.present.js';
import { repliesOf } from './consultations.replies.repository.js';
import { consultationSettingsFor, today } from './consultations.settings.js';
import { itemEventText } from './item-event-texts.js';

// ---------------------------------------------------------------------------------------------------------
// Items: opinions and suggestions

/**
 * An opinion or suggestion: raised at the symposium (typed in by the department or by the counterpart) or
 * submitted in writing by a counterpart's 联络员, before or after it. Its due date is N working days after
 * its receipt date.
 */
export async function createItem(
  ctx: RequestContext,
  matterId: number,
  input: CreateItemRequest,
): Promise<ItemScreenResponse> {
  const matter = await visibleMatter(ctx, matterId);
  const owner = isOwner(ctx.actor, matter.department_id);
  // a counterpart writes its own opinion; the department names whose opinion it types in
  const counterpartId = input.counterpartId ?? (owner ? undefined : ctx.actor.organisationId);
  authorize(ctx.actor, 'consultations.addItem', { departmentId: matter.department_id, counterpartId });
  if (counterpartId === undefined) throw new AppError('ITEM_AUTHOR_REQUIRED');
  const consulted = (await matterCounterparts(ctx.db, [matterId])).map((c) => c.id);
  if (!consulted.includes(counterpartId)) {
    throw new AppError('NOT_CONSULTED');
  }
  if (input.source === 'symposium' && matter.symposium_status === 'none') {
    throw new AppError('SYMPOSIUM_NOT_SCHEDULED');
  }
  const day = today();
  const heldOn = matter.held_at ? shanghaiDate(matter.held_at) : null;
  const receivedOn = input.receivedOn ?? (input.source === 'symposium' && heldOn ? heldOn : day);
  if (receivedOn > day) throw new AppError('DATE_IN_FUTURE', { field: 'receivedOn' });
  const { replyWorkingDays } = await consultationSettingsFor(ctx.db, matter.region_path);
  const dueDate = addWorkingDays(receivedOn, replyWorkingDays);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const item = await insertItem(trx, {
      matterId,
      counterpartId,
      source: input.source,
      text: input.text,
      receivedOn,
      enteredByOrg: ctx.actor.organisationId,
      createdBy: ctx.actor.userId,
      dueDate,
    });
    await insertItemEvent(trx, {
      itemId: item.id,
      round: 1,
      action: 'created',
      ...itemEventText('received', { receivedOn, dueDate, workingDays: replyWorkingDays }),
      actorId: ctx.actor.userId,
    });
    if (!owner) {
      await notifyOrganisations(trx, [matter.department_id], {
        ...notificationText('consultationItem', {
          matter: matter.title,
          counterpart: ctx.actor.organisationName,
          dueDate,
        }),
        link: `/consultations/items/${item.id}`,
        key: `consultation-item-created:${item.id}`,
      });
    }
    await appendAudit(trx, ctx, {
      action: 'consultation.item.create',
      entityType: 'consultation_item',
      entityId: item.id,
      regionId: matter.region_id,
      after: item,
    });
    return item.id;
  });
  return getItemScreen(ctx, id);
}

export async function listItems(ctx: RequestContext, query: ItemListQuery): Promise<ItemListResponse> {
  const day = today();
  const byStatus: Record<ItemFilter, ItemStatus[]> = {
    awaiting_reply: ['awaiting_reply'],
    rehandling: ['rehandling'],
    awaiting_verdict: ['awaiting_verdict'],
    closed: ['closed'],
    due_soon: ['awaiting_reply', 'rehandling'],
    overdue: ['awaiting_reply', 'rehandling'],
  };
  const ids = await findItemIds(ctx.db, {
    scope: consultationScope(ctx.actor),
    matterIds: query.matterId ? [query.matterId] : undefined,
    year: query.year,
    departmentId: query.departmentId,
    counterpartId: query.counterpartId,
    statuses: query.status ? byStatus[query.status] : undefined,
  });
  let items: ItemDto[];
  let total: number;
  if (query.status === 'due_soon' || query.status === 'overdue') {
    // the due state depends on each region's lead days and the calendar: computed, then filtered
    const rows = await inSlices(ids, (s) => itemsByIds(ctx.db, s));
    const wanted: DueState[] = query.status === 'overdue' ? ['overdue'] : ['due_soon', 'due_today'];
    const all = (await presentItems(ctx, rows, day)).filter((i) => i.dueState && wanted.includes(i.dueState));
    total = all.length;
    items = all.slice(query.offset, query.offset + query.limit);
  } else {
    const rows = await itemsByIds(ctx.db, ids.slice(query.offset, query.offset + query.limit));
    items = await presentItems(ctx, rows, day);
    total = ids.length;
  }
  return { items, total, today: day };
}

/** An item the actor may see (an item of a matter it sees), or NOT_FOUND. */
export async function visibleItem(ctx: RequestContext, id: number, db: Executor = ctx.db): Promise<ItemRow> {
  const [found] = await findItemIds(db, { scope: consultationScope(ctx.actor), ids: [id] });
  if (!found) throw notFound();
  const [row] = await itemsByIds(db, [id]);
  if (!row) throw notFound();
  return row;
}

/** The reply screen: the matter with its minutes, the item, every round, the extensions and the timeline. */
export async function getItemScreen(ctx: RequestContext, id: number): Promise<ItemScreenResponse> {
  const row = await visibleItem(ctx, id);
  const day = today();
  const [matter] = await presentMatters(ctx, await mattersByIds(ctx.db, [row.matter_id]));
  const [item] = await presentItems(ctx, [row], day);
  if (!matter || !item) throw notFound();
  const visible = seesReplies(ctx.actor, row.counterpart_id);
  const rounds = visible ? (await repliesOf(ctx.db, [id])).map((r) => presentReply(ctx, r)) : [];
  const extensions = visible ? (await extensionsOf(ctx.db, [id])).map(presentExtension) : [];
  const timeline = visible
    ? (await itemEvents(ctx.db, id)).map(
        (e): ItemEventDto => ({
          id: e.id,
          round: e.round,
          action: e.action,
          stage: e.stage,
          // the reader's language: English when it is English and the row has it (older rows, typed notes: as stored)
          note: ctx.lang === 'en' && e.note_en !== null ? e.note_en : e.note,
          actor: e.actor_name,
          at: e.at,
        }),
      )
    : [];
  return { matter, item, rounds, extensions, timeline, today: day };
}

/** An item of the actor's own department, not closed: what the department's actions start from. */
export async function ownOpenItem(ctx: RequestContext, id: number): Promise<ItemRow> {
  const row = await visibleItem(ctx, id);
  authorize(ctx.actor, 'consultations.manage', { departmentId: row.department_id });
  if (row.status === 'closed') throw new AppError('ITEM_CLOSED');
  return row;
}

export const moved = (): AppError => new AppError('CHANGED_MEANWHILE');

/** The department's internal analysis (认真分析研究): kept with the item, never shown to counterparts. */
export async function saveAnalysis(
  ctx: RequestContext,
  id: number,
  input: AnalysisRequest,
): Promise<ItemScreenResponse> {
  const row = await ownOpenItem(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateItemRow(trx, id, row, { analysis: input.analysis });
    if (!ok) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'analysed',
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.analyse',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { analysis: row.analysis },
      after: { analysis: input.analysis },
    });
  });
  return getItemScreen(ctx, id);
}
