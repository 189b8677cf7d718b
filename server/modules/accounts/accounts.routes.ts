import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateDistrictRequest,
  CreateDistrictResponse,
  HandoverDto,
  HandoverListQuery,
  HandoverListResponse,
  HolderListResponse,
  IssuedCodeDto,
  ProvisionPreviewResponse,
  ProvisionRequest,
  ProvisionResponse,
  UnitAccountListResponse,
} from '../../../common/schemas/activation.js';
import { IdParams } from '../../../common/schemas/shared.js';
import { UPLOADS } from '../../../common/uploads.js';
import { limitsOf } from '../attachments/index.js';
import {
  createDistrict,
  holderHistory,
  issueCodeFor,
  listUnitAccounts,
  previewProvision,
  provisionAccounts,
} from './accounts.service.js';
import { acceptHandover, declineHandover, listHandovers } from './handover.js';

/** 统战部: the units' 联络员 accounts, hand-overs, and a new district (permission accounts:manage). */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const manage = { permission: 'accounts:manage' as const };
  r.get(
    '/accounts',
    {
      config: manage,
      schema: {
        summary: "单位账号 · The units' accounts and whether they are activated",
        tags,
        response: { 200: UnitAccountListResponse },
      },
    },
    async (request) => ({ items: await listUnitAccounts(request.ctx()) }),
  );
  r.post(
    '/accounts/:id/code',
    {
      config: manage,
      schema: {
        summary: "发放激活码 · Issue a unit account's activation code",
        tags,
        params: IdParams,
        response: { 200: IssuedCodeDto },
      },
    },
    async (request) => issueCodeFor(request.ctx(), app.config, request.params.id),
  );
  r.get(
    '/accounts/:id/holders',
    {
      config: manage,
      schema: {
        summary: "账号持有人 · Who held a unit's account when",
        tags,
        params: IdParams,
        response: { 200: HolderListResponse },
      },
    },
    async (request) => ({ items: await holderHistory(request.ctx(), request.params.id) }),
  );
  r.post(
    '/accounts/provision/preview',
    {
      config: manage,
      ...limitsOf(UPLOADS.importXlsx),
      schema: {
        summary: "批量开户预览 · Read an .xlsx of units' 联络员 into accounts for confirmation",
        tags,
        body: ProvisionRequest,
        response: { 200: ProvisionPreviewResponse },
      },
    },
    async (request) => previewProvision(request.ctx(), request.body),
  );
  r.post(
    '/accounts/provision',
    {
      config: manage,
      ...limitsOf(UPLOADS.importXlsx),
      schema: {
        summary: '批量开户 · Create the confirmed unit accounts and their codes',
        tags,
        body: ProvisionRequest,
        response: { 200: ProvisionResponse },
      },
    },
    async (request) => provisionAccounts(request.ctx(), app.config, app.policyDefaults, request.body),
  );
  r.get(
    '/accounts/handovers',
    {
      config: manage,
      schema: {
        summary: '账号交接 · Hand-overs proposed by a filed change of 联络员',
        tags,
        querystring: HandoverListQuery,
        response: { 200: HandoverListResponse },
      },
    },
    async (request) => ({ items: await listHandovers(request.ctx(), request.query.status) }),
  );
  r.post(
    '/accounts/handovers/:id/accept',
    {
      config: manage,
      schema: {
        summary: '确认交接 · Accept a hand-over: the new 联络员 gets a fresh code',
        tags,
        params: IdParams,
        body: z.object({ email: z.email().max(120).nullable().optional() }).optional(),
        response: { 200: IssuedCodeDto },
      },
    },
    async (request) => acceptHandover(request.ctx(), app.config, request.params.id, request.body ?? {}),
  );
  r.post(
    '/accounts/handovers/:id/decline',
    {
      config: manage,
      schema: {
        summary: '拒绝交接 · Decline a proposed hand-over',
        tags,
        params: IdParams,
        response: { 200: HandoverDto },
      },
    },
    async (request) => declineHandover(request.ctx(), request.params.id),
  );
  r.post(
    '/accounts/districts',
    {
      config: manage,
      schema: {
        summary: '新增区县 · Add another district with its own 统战部',
        tags,
        body: CreateDistrictRequest,
        response: { 200: CreateDistrictResponse },
      },
    },
    async (request) => createDistrict(request.ctx(), app.config, app.policyDefaults, request.body),
  );
}
