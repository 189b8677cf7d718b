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
      schema: { tags, querystring: CalendarQuery, response: { 200: CalendarResponse } },
    },
    async (request) => calendarFor(request.ctx(), request.query),
  );
  r.post(
    '/calendar/feed-token',
    { config: { permission: 'calendar:read' }, schema: { tags, response: { 200: FeedTokenResponse } } },
    async (request) => resetFeedToken(request.ctx(), `${request.protocol}://${request.host}`),
  );
  // No session: calendar apps cannot sign in. The secret in the URL is the credential (stored hashed).
  r.get(
    '/calendar/feed/:token.ics',
    { config: { permission: 'public' }, schema: { tags, params: FeedParams } },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="liaison.ics"')
        .header('cache-control', 'private, no-store')
        .send(await feedFor(app.db, request.params.token)),
  );
}
