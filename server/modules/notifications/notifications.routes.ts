import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MarkAllReadResponse,
  NotificationDto,
  NotificationListQuery,
  NotificationListResponse,
} from '../../../common/schemas/notifications.js';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  listMyNotifications,
  markAllMyNotificationsRead,
  markMyNotificationRead,
} from './notifications.service.js';

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const config = { permission: 'notifications:read' as const };

  r.get(
    '/notifications',
    {
      config,
      schema: {
        summary: "通知 · One's notifications, newest first",
        tags,
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse },
      },
    },
    async (request) => listMyNotifications(request.ctx(), request.query),
  );
  r.post(
    '/notifications/:id/read',
    {
      config,
      schema: {
        summary: '标为已读 · Mark a notification read',
        tags,
        params: IdParams,
        response: { 200: NotificationDto },
      },
    },
    async (request) => markMyNotificationRead(request.ctx(), request.params.id),
  );
  r.post(
    '/notifications/read-all',
    {
      config,
      schema: {
        summary: '全部已读 · Mark all notifications read',
        tags,
        response: { 200: MarkAllReadResponse },
      },
    },
    async (request) => markAllMyNotificationsRead(request.ctx()),
  );
}
