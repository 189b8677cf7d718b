import type { Lang } from '../../../common/errors.js';
import type {
  NotificationDto,
  NotificationListQuery,
  NotificationListResponse,
} from '../../../common/schemas/notifications.js';
import type { RequestContext } from '../../context.js';
import type { Notification } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import {
  countUnread,
  findNotification,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.repository.js';

// Notifications are the user's own inbox, not business records: reading one is not audited (as a session's
// last_seen_at is not); what created them (a reminder, a return) is audited where it happens.

/** The reader's language: English when it is English and the row has it (older rows have only the Chinese). */
function present(row: Notification, lang: Lang): NotificationDto {
  const english = lang === 'en' && row.title_en !== null;
  return {
    id: row.id,
    kind: row.kind,
    title: english ? (row.title_en ?? row.title) : row.title,
    body: english ? (row.body_en ?? row.body) : row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export async function listMyNotifications(
  ctx: RequestContext,
  query: NotificationListQuery,
): Promise<NotificationListResponse> {
  const rows = await listNotifications(ctx.db, ctx.actor.userId, {
    unreadOnly: query.unread === '1',
    limit: query.limit,
  });
  return {
    items: rows.map((row) => present(row, ctx.lang)),
    unread: await countUnread(ctx.db, ctx.actor.userId),
  };
}

/** Only one's own: another user's notification answers NOT_FOUND. */
export async function markMyNotificationRead(ctx: RequestContext, id: number): Promise<NotificationDto> {
  if (!(await findNotification(ctx.db, ctx.actor.userId, id))) throw notFound();
  await markNotificationRead(ctx.db, ctx.actor.userId, id);
  const row = await findNotification(ctx.db, ctx.actor.userId, id);
  if (!row) throw notFound();
  return present(row, ctx.lang);
}

export async function markAllMyNotificationsRead(ctx: RequestContext): Promise<{ marked: number }> {
  return { marked: await markAllNotificationsRead(ctx.db, ctx.actor.userId) };
}
