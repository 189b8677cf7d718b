import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddAliasRequest,
  CreateOrganisationRequest,
  OrganisationDto,
  OrganisationListQuery,
  OrganisationListResponse,
  UpdateOrganisationRequest,
} from '../../../common/schemas/organisations.js';
import { Id, IdParams } from '../../../common/schemas/shared.js';
import {
  addAlias,
  createOrganisation,
  getOrganisation,
  listOrganisationsFor,
  removeAlias,
  updateOrganisation,
} from './organisations.service.js';

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];
  const read = { permission: 'organisations:read' as const };
  const write = { permission: 'organisations:write' as const };

  r.get(
    '/organisations',
    {
      config: read,
      schema: {
        summary: '单位列表 · List departments and counterparts (民主党派、工商联、无党派人士)',
        tags,
        querystring: OrganisationListQuery,
        response: { 200: OrganisationListResponse },
      },
    },
    async (request) => listOrganisationsFor(request.ctx(), request.query),
  );
  r.get(
    '/organisations/:id',
    {
      config: read,
      schema: {
        summary: '单位详情 · One unit with its names and aliases',
        tags,
        params: IdParams,
        response: { 200: OrganisationDto },
      },
    },
    async (request) => getOrganisation(request.ctx(), request.params.id),
  );
  r.post(
    '/organisations',
    {
      config: write,
      schema: {
        summary: '新增单位 · Add a department or counterpart',
        tags,
        body: CreateOrganisationRequest,
        response: { 200: OrganisationDto },
      },
    },
    async (request) => createOrganisation(request.ctx(), request.body),
  );
  r.patch(
    '/organisations/:id',
    {
      config: write,
      schema: {
        summary:
          "修改单位 · Change a unit's name, short name, order or state (机构改革 keeps the old name as an alias)",
        tags,
        params: IdParams,
        body: UpdateOrganisationRequest,
        response: { 200: OrganisationDto },
      },
    },
    async (request) => updateOrganisation(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/organisations/:id/aliases',
    {
      config: write,
      schema: {
        summary: '新增别名 · Add a short name or alias of a unit',
        tags,
        params: IdParams,
        body: AddAliasRequest,
        response: { 200: OrganisationDto },
      },
    },
    async (request) => addAlias(request.ctx(), request.params.id, request.body),
  );
  r.delete(
    '/organisations/:id/aliases/:aliasId',
    {
      config: write,
      schema: {
        summary: '删除别名 · Remove an alias of a unit',
        tags,
        params: z.object({ id: Id, aliasId: Id }),
        response: { 200: OrganisationDto },
      },
    },
    async (request) => removeAlias(request.ctx(), request.params.id, request.params.aliasId),
  );
}
