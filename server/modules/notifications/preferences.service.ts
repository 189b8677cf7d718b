// Per-user e-mail preferences and, for the system admin, the state of e-mail deliveries.
import {
  type DeliveryDto,
  type DeliveryListQuery,
  type DeliveryListResponse,
  NOTIFICATION_KIND_LABELS,
  type NotificationPreferencesResponse,
  type UpdateNotificationPreferencesRequest,
} from '../../../common/schemas/mail.js';
import { NOTIFICATION_KINDS } from '../../../common/schemas/notifications.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import {
  type DeliveryRow,
  listDeliveries,
  preferencesOf,
  retryDelivery,
  upsertPreference,
} from './deliveries.repository.js';

export async function getPreferences(
  ctx: RequestContext,
  emailEnabled: boolean,
): Promise<NotificationPreferencesResponse> {
  const user = await ctx.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const stored = new Map((await preferencesOf(ctx.db, ctx.actor.userId)).map((p) => [p.kind, p.email === 1]));
  return {
    email: user.email || null,
    emailEnabled,
    kinds: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_LABELS[kind].zh,
      email: stored.get(kind) ?? true,
    })),
  };
}

export async function updatePreferences(
  ctx: RequestContext,
  input: UpdateNotificationPreferencesRequest,
  emailEnabled: boolean,
): Promise<NotificationPreferencesResponse> {
  const before = await getPreferences(ctx, emailEnabled);
  await ctx.db.transaction().execute(async (trx) => {
    for (const k of input.kinds) await upsertPreference(trx, ctx.actor.userId, k.kind, k.email);
    await appendAudit(trx, ctx, {
      action: 'notification.preferences.update',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: before.kinds.filter((k) => input.kinds.some((i) => i.kind === k.kind)),
      after: input.kinds,
    });
  });
  return getPreferences(ctx, emailEnabled);
}

function presentDelivery(r: DeliveryRow): DeliveryDto {
  return {
    id: r.id,
    notificationId: r.notification_id,
    channel: 'email',
    kind: r.kind,
    username: r.username,
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}

/** The system admin's view: deliveries of users in its region and under, without the messages themselves. */
export async function listDeliveriesFor(
  ctx: RequestContext,
  query: DeliveryListQuery,
): Promise<DeliveryListResponse> {
  const rows = await listDeliveries(ctx.db, { regionPath: ctx.actor.regionPath, ...query });
  return { items: rows.map(presentDelivery) };
}

/** Send a failed delivery again (after the address or the mail server was fixed). */
export async function retryFailedDelivery(ctx: RequestContext, id: number): Promise<DeliveryDto> {
  const [row] = await listDeliveries(ctx.db, { regionPath: ctx.actor.regionPath, id, limit: 1 });
  if (!row) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await retryDelivery(trx, id, nowIso())))
      throw new AppError('DELIVERY_NOT_FAILED', { status: row.status });
    await appendAudit(trx, ctx, {
      action: 'notification.delivery.retry',
      entityType: 'notification_delivery',
      entityId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.last_error },
      after: { status: 'pending' },
    });
  });
  const [after] = await listDeliveries(ctx.db, { regionPath: ctx.actor.regionPath, id, limit: 1 });
  if (!after) throw notFound();
  return presentDelivery(after);
}
