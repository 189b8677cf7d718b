import type { NotificationListResponse } from '../../../common/schemas/notifications';
import { api, type Parser } from '../../api/client';

/**
 * The notifications' query keys and the bell's calls. No zod here: the bell is in the shell every page
 * loads (the shapes are common/schemas/notifications.ts and mail.ts; settingsApi.ts has the pages' calls).
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  preferences: ['notifications', 'preferences'] as const,
  deliveries: (status: string) => ['deliveries', status] as const,
  allDeliveries: ['deliveries'] as const,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The answer checked by hand: the bell is in the shell every page loads, which does not carry zod
 * (the shape is common/schemas/notifications.ts).
 */
/** The answer checked by hand (see above). */
const ListShape: Parser<NotificationListResponse> = {
  parse(input) {
    if (
      isRecord(input) &&
      typeof input.unread === 'number' &&
      Array.isArray(input.items) &&
      input.items.every(
        (n) =>
          isRecord(n) &&
          typeof n.id === 'number' &&
          typeof n.title === 'string' &&
          typeof n.body === 'string' &&
          typeof n.createdAt === 'string' &&
          (n.readAt === null || typeof n.readAt === 'string') &&
          (n.link === null || typeof n.link === 'string'),
      )
    ) {
      return input as NotificationListResponse;
    }
    throw new Error('not a NotificationListResponse');
  },
};

const Anything: Parser<unknown> = { parse: (input) => input };

export const notificationApi = {
  latest: () => api.get('/api/v1/notifications', ListShape, { limit: 20 }),
  markRead: (id: number) => api.post(`/api/v1/notifications/${id}/read`, {}, Anything),
  markAllRead: () => api.post('/api/v1/notifications/read-all', {}, Anything),
};
