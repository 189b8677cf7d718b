import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CalendarQuery,
  CalendarResponse,
  FeedParams,
  FeedTokenResponse,
} from '../../../common/schemas/calendar.js';
import { calendarFor, feedFor, resetFeedToken } from './calendar.service.js';

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get(
    '/calendar',
    {
      config: { permission: 'calendar:read' },
      schema: {
        summary: '日程 · The events, plan items and deadlines of a period',
        tags,
        querystring: CalendarQuery,
        response: { 200: CalendarResponse },
      },
    },
    async (request) => calendarFor(request.ctx(), request.query),
  );
  r.post(
    '/calendar/feed-token',
    {
      config: { permission: 'calendar:read' },
      schema: {
        summary: '日历订阅地址 · Issue a new private iCal feed address',
        tags,
        response: { 200: FeedTokenResponse },
      },
    },
    async (request) => resetFeedToken(request.ctx(), `${request.protocol}://${request.host}`),
  );
  // No session: calendar apps cannot sign in. The secret in the URL is the credential (stored hashed).
  r.get(
    '/calendar/feed/:token.ics',
    {
      config: { permission: 'public' },
      schema: { summary: '日历订阅 · The private iCal feed of one user', tags, params: FeedParams },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="liaison.ics"')
        .header('cache-control', 'private, no-store')
        .send(await feedFor(app.db, request.params.token)),
  );
}
