import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateRegionRequest,
  RegionDto,
  RegionListResponse,
  UpdateRegionRequest,
} from '../../../common/schemas/organisations.js';
import { IdParams } from '../../../common/schemas/shared.js';
import { createRegion, listRegions, updateRegion } from './regions.service.js';

export async function regionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];
  r.get(
    '/regions',
    {
      config: { permission: 'regions:read' },
      schema: {
        summary: "行政区划列表 · List the regions in one's scope",
        tags,
        response: { 200: RegionListResponse },
      },
    },
    async (request) => ({ items: await listRegions(request.ctx()) }),
  );
  r.post(
    '/regions',
    {
      config: { permission: 'regions:write' },
      schema: {
        summary: "新增行政区划 · Add a region under one's own",
        tags,
        body: CreateRegionRequest,
        response: { 200: RegionDto },
      },
    },
    async (request) => createRegion(request.ctx(), request.body),
  );
  r.patch(
    '/regions/:id',
    {
      config: { permission: 'regions:write' },
      schema: {
        summary: '重命名行政区划 · Rename a region',
        tags,
        params: IdParams,
        body: UpdateRegionRequest,
        response: { 200: RegionDto },
      },
    },
    async (request) => updateRegion(request.ctx(), request.params.id, request.body.name),
  );
}
