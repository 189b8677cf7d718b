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
      schema: { tags, querystring: OrganisationListQuery, response: { 200: OrganisationListResponse } },
    },
    async (request) => listOrganisationsFor(request.ctx(), request.query),
  );
  r.get(
    '/organisations/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: OrganisationDto } } },
    async (request) => getOrganisation(request.ctx(), request.params.id),
  );
  r.post(
    '/organisations',
    { config: write, schema: { tags, body: CreateOrganisationRequest, response: { 200: OrganisationDto } } },
    async (request) => createOrganisation(request.ctx(), request.body),
  );
  r.patch(
    '/organisations/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateOrganisationRequest, response: { 200: OrganisationDto } },
    },
    async (request) => updateOrganisation(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/organisations/:id/aliases',
    {
      config: write,
      schema: { tags, params: IdParams, body: AddAliasRequest, response: { 200: OrganisationDto } },
    },
    async (request) => addAlias(request.ctx(), request.params.id, request.body),
  );
  r.delete(
    '/organisations/:id/aliases/:aliasId',
    {
      config: write,
      schema: { tags, params: z.object({ id: Id, aliasId: Id }), response: { 200: OrganisationDto } },
    },
    async (request) => removeAlias(request.ctx(), request.params.id, request.params.aliasId),
  );
}
