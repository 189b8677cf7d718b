import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DeliveryDto,
  DeliveryListQuery,
  DeliveryListResponse,
  NotificationPreferencesResponse,
  UpdateNotificationPreferencesRequest,
} from '../../../common/schemas/mail.js';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  getPreferences,
  listDeliveriesFor,
  retryFailedDelivery,
  updatePreferences,
} from './preferences.service.js';

/** E-mail preferences (each user, their own) and deliveries (the system admin). */
export async function notificationPreferenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const emailEnabled = () => Boolean(app.config.LIAISON_SMTP_URL);

  r.get(
    '/notifications/preferences',
    {
      config: { permission: 'notifications:read' },
      schema: {
        summary: "通知设置 · One's notification preferences (in-app, e-mail)",
        tags,
        response: { 200: NotificationPreferencesResponse },
      },
    },
    async (request) => getPreferences(request.ctx(), emailEnabled()),
  );
  r.put(
    '/notifications/preferences',
    {
      config: { permission: 'notifications:read' },
      schema: {
        summary: "保存通知设置 · Save one's notification preferences",
        tags,
        body: UpdateNotificationPreferencesRequest,
        response: { 200: NotificationPreferencesResponse },
      },
    },
    async (request) => updatePreferences(request.ctx(), request.body, emailEnabled()),
  );
  r.get(
    '/notifications/deliveries',
    {
      config: { permission: 'notifications:admin' },
      schema: {
        summary: '邮件发送记录 · The e-mail deliveries and their state',
        tags,
        querystring: DeliveryListQuery,
        response: { 200: DeliveryListResponse },
      },
    },
    async (request) => listDeliveriesFor(request.ctx(), request.query),
  );
  r.post(
    '/notifications/deliveries/:id/retry',
    {
      config: { permission: 'notifications:admin' },
      schema: {
        summary: '重发邮件 · Retry a failed e-mail delivery',
        tags,
        params: IdParams,
        response: { 200: DeliveryDto },
      },
    },
    async (request) => retryFailedDelivery(request.ctx(), request.params.id),
  );
}
