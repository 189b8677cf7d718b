import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, LoginRequest, SessionResponse } from '../../../common/schemas/auth.js';
import { OkResponse } from '../../../common/schemas/shared.js';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { loadActor } from '../users/actor.repository.js';
import { changePassword, login, logout, presentSession } from './auth.service.js';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.LIAISON_TLS,
  };

  r.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const { token, session } = await login(app.db, app.policyDefaults, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return session;
    },
  );

  r.get(
    '/auth/me',
    { config: { permission: 'self' }, schema: { tags: ['auth'], response: { 200: SessionResponse } } },
    async (request) => presentSession(request.ctx().actor, request.session?.csrfToken ?? ''),
  );

  r.post(
    '/auth/logout',
    { config: { permission: 'self' }, schema: { tags: ['auth'], response: { 200: OkResponse } } },
    async (request, reply) => {
      if (request.session) await logout(request.ctx(), request.session.id);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/password',
    {
      config: { permission: 'self' },
      schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: SessionResponse } },
    },
    async (request) => {
      const ctx = request.ctx();
      const sessionId = request.session?.id ?? '';
      await changePassword(ctx, app.policyDefaults, sessionId, request.body);
      const actor = await loadActor(app.db, ctx.actor.userId);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return presentSession(actor, request.session?.csrfToken ?? '');
    },
  );
}
