// Extensions of an item's reply deadline: requested by the department, granted or refused by 统战部.
import type {
  ExtensionRequest,
  GrantExtensionRequest,
  ItemScreenResponse,
  RefuseExtensionRequest,
} from '../../../common/schemas/consultations.js';
import { addWorkingDays } from '../../../common/working-days.js';
import { authorize } from '../../access/authorize.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import {
  insertNotifications,
  notificationText,
  notifyOrganisations,
  reviewersOfRegion,
} from '../notifications/index.js';
import {
  decideExtension,
  type ExtensionRow,
  extensionsOf,
  insertExtension,
} from './consultations.extensions.repository.js';
import { getItemScreen, moved, ownOpenItem, visibleItem } from './consultations.items.js';
import { type ItemRow, insertItemEvent, updateItemRow } from './consultations.items.repository.js';
import { awaitingReply } from './consultations.settings.js';
import { itemEventText } from './item-event-texts.js';

export async function requestExtension(
  ctx: RequestContext,
  id: number,
  input: ExtensionRequest,
): Promise<ItemScreenResponse> {
  const row = await ownOpenItem(ctx, id);
  if (!awaitingReply(row.status)) throw new AppError('ITEM_ALREADY_REPLIED');
  const pending = (await extensionsOf(ctx.db, [id])).find((e) => e.status === 'requested');
  if (pending) throw new AppError('EXTENSION_PENDING');
  await ctx.db.transaction().execute(async (trx) => {
    const ext = await insertExtension(trx, {
      itemId: id,
      round: row.round,
      reason: input.reason,
      days: input.days,
      dueBefore: row.due_date,
      userId: ctx.actor.userId,
    });
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'extension_requested',
      ...itemEventText('extensionRequested', { days: input.days, reason: input.reason }),
      actorId: ctx.actor.userId,
    });
    const reviewers = await reviewersOfRegion(trx, row.region_path);
    const text = notificationText('extensionRequested', {
      matter: row.matter_title,
      department: row.department_name,
      days: input.days,
      dueDate: row.due_date,
      reason: input.reason,
    });
    await insertNotifications(
      trx,
      reviewers.map((userId) => ({
        userId,
        ...text,
        link: `/consultations/items/${id}`,
        dedupeKey: `consultation-extension:${ext.id}:${userId}`,
      })),
    );
    await appendAudit(trx, ctx, {
      action: 'consultation.extension.request',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      after: ext,
    });
  });
  return getItemScreen(ctx, id);
}

/** 统战部's item: one in its region (NOT_FOUND otherwise), not closed. */
export async function supervisedOpenItem(ctx: RequestContext, id: number): Promise<ItemRow> {
  const row = await visibleItem(ctx, id);
  authorize(ctx.actor, 'consultations.supervise', null);
  if (row.status === 'closed') throw new AppError('ITEM_CLOSED');
  return row;
}

async function pendingExtensionOf(db: Executor, id: number): Promise<ExtensionRow> {
  const pending = (await extensionsOf(db, [id])).find((e) => e.status === 'requested');
  if (!pending) throw new AppError('NO_EXTENSION_PENDING');
  return pending;
}

/** 统战部 grants: the due date moves by the working days granted (default: those requested). */
export async function grantExtension(
  ctx: RequestContext,
  id: number,
  input: GrantExtensionRequest,
): Promise<ItemScreenResponse> {
  const row = await supervisedOpenItem(ctx, id);
  const pending = await pendingExtensionOf(ctx.db, id);
  const days = input.days ?? pending.days_requested;
  const dueAfter = addWorkingDays(row.due_date, days);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await decideExtension(trx, pending.id, {
      status: 'granted',
      daysGranted: days,
      dueAfter,
      note: input.note ?? null,
      userId: ctx.actor.userId,
    });
    if (!decided || !(await updateItemRow(trx, id, row, { due_date: dueAfter }))) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'extension_granted',
      ...itemEventText('extensionGranted', {
        days,
        dueBefore: row.due_date,
        dueAfter,
        note: input.note ?? null,
      }),
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.department_id], {
      ...notificationText('extensionGranted', { matter: row.matter_title, dueAfter }),
      link: `/consultations/items/${id}`,
      key: `consultation-extension-decided:${pending.id}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.extension.grant',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { dueDate: row.due_date },
      after: { extensionId: pending.id, days, dueDate: dueAfter, note: input.note ?? null },
    });
  });
  return getItemScreen(ctx, id);
}

/** 统战部 refuses: the due date stays. */
export async function refuseExtension(
  ctx: RequestContext,
  id: number,
  input: RefuseExtensionRequest,
): Promise<ItemScreenResponse> {
  const row = await supervisedOpenItem(ctx, id);
  const pending = await pendingExtensionOf(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await decideExtension(trx, pending.id, {
      status: 'refused',
      daysGranted: null,
      dueAfter: null,
      note: input.note,
      userId: ctx.actor.userId,
    });
    if (!decided) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'extension_refused',
      note: input.note,
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.department_id], {
      ...notificationText('extensionRefused', {
        matter: row.matter_title,
        dueDate: row.due_date,
        note: input.note,
      }),
      link: `/consultations/items/${id}`,
      key: `consultation-extension-decided:${pending.id}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.extension.refuse',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      after: { extensionId: pending.id, note: input.note },
    });
  });
  return getItemScreen(ctx, id);
}
