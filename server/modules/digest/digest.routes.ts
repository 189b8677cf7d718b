import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MyWorkResponse } from '../../../common/schemas/digest.js';
import { myWork } from './digest.service.js';

export async function digestRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/my-work',
    {
      config: { permission: 'mywork:read' },
      schema: { tags: ['my-work'], response: { 200: MyWorkResponse } },
    },
    async (request) => myWork(request.ctx()),
  );
}
