import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../common/schemas/shared.js';
import {
  CreateUserRequest,
  GrantRoleRequest,
  UpdateUserRequest,
  UserActivationResponse,
  UserDto,
  UserListQuery,
  UserListResponse,
} from '../../../common/schemas/users.js';
import {
  createUser,
  endSessions,
  grantRole,
  listUsersFor,
  resetPassword,
  resetTotp,
  updateUser,
} from './users.service.js';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const read = { permission: 'users:read' as const };
  const write = { permission: 'users:write' as const };

  r.get(
    '/users',
    {
      config: read,
      schema: {
        summary: "用户列表 · List the accounts of one's region",
        tags,
        querystring: UserListQuery,
        response: { 200: UserListResponse },
      },
    },
    async (request) => ({ items: await listUsersFor(request.ctx(), request.query) }),
  );
  r.post(
    '/users',
    {
      config: write,
      schema: {
        summary: "新增用户 · Create an account that waits for its holder's activation code",
        tags,
        body: CreateUserRequest,
        response: { 200: UserActivationResponse },
      },
    },
    async (request) => createUser(request.ctx(), app.config, app.policyDefaults, request.body),
  );
  r.patch(
    '/users/:id',
    {
      config: write,
      schema: {
        summary: "修改用户 · Change an account's name, unit, e-mail or whether it is disabled",
        tags,
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserDto },
      },
    },
    async (request) => updateUser(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/users/:id/reset-password',
    {
      config: write,
      schema: {
        summary: '重置密码 · Reset a password: the holder gets a one-time code',
        tags,
        params: IdParams,
        response: { 200: UserActivationResponse },
      },
    },
    async (request) => resetPassword(request.ctx(), app.config, request.params.id),
  );
  r.post(
    '/users/:id/role',
    {
      config: { permission: 'users:grant' as const },
      schema: {
        summary: '授予角色 · Grant a role (security administrator only)',
        tags,
        params: IdParams,
        body: GrantRoleRequest,
        response: { 200: UserDto },
      },
    },
    async (request) => grantRole(request.ctx(), request.params.id, request.body.role),
  );
  r.post(
    '/users/:id/reset-totp',
    {
      config: write,
      schema: {
        summary: "重置动态口令 · Remove a user's TOTP so they enrol again",
        tags,
        params: IdParams,
        response: { 200: UserDto },
      },
    },
    async (request) => resetTotp(request.ctx(), request.params.id),
  );
  r.post(
    '/users/:id/end-sessions',
    {
      config: write,
      schema: {
        summary: '结束全部会话 · Sign a user out everywhere',
        tags,
        params: IdParams,
        response: { 200: OkResponse },
      },
    },
    async (request) => {
      await endSessions(request.ctx(), request.params.id);
      return { ok: true as const };
    },
  );
}
