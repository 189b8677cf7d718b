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
    async (request) => myWork(request.ctx(), request.session?.id ?? ''),
  );
  r.post(
    '/my-work/seen',
    {
      config: { permission: 'mywork:read' },
      schema: {
        summary:
          '标记已查看 · Record this session’s visit (for “since last visit”); with all: mark every change as seen',
        tags: ['my-work'],
        body: MarkWorkSeenRequest,
        response: { 200: OkResponse },
      },
    },
    async (request) => {
      await markWorkSeen(request.ctx(), request.session?.id ?? '', request.body);
      return { ok: true as const };
    },
  );
}
