import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MarkWorkSeenRequest, MyWorkResponse } from '../../../common/schemas/digest.js';
import { OkResponse } from '../../../common/schemas/shared.js';
import { markWorkSeen, myWork } from './digest.service.js';

export async function digestRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/my-work',
    {
      config: { permission: 'mywork:read' },
      schema: {
        summary: '我的待办 · What the signed-in unit owes, with due dates, overdue first',
        tags: ['my-work'],
        response: { 200: MyWorkResponse },
      },
    },
    async (request) => myWork(request.ctx()),
  );
  r.post(
    '/my-work/seen',
    {
      config: { permission: 'mywork:read' },
      schema: {
        summary: '标记已查看 · Record the time of one’s last visit (for “since last visit”)',
        tags: ['my-work'],
        body: MarkWorkSeenRequest,
        response: { 200: OkResponse },
      },
    },
    async (request) => {
      await markWorkSeen(request.ctx(), request.body.at);
      return { ok: true as const };
    },
  );
}
