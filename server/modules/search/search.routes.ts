import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResponse } from '../../../common/schemas/search.js';
import { search } from './search.service.js';

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/search',
    {
      config: { permission: 'search:read' },
      schema: {
        summary: "搜索 · Search units, people and records in one's scope",
        tags: ['search'],
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (request) => search(request.ctx(), request.query),
  );
}
