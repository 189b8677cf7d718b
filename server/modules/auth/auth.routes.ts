import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  SessionResponse,
  TotpEnableRequest,
  TotpSetupResponse,
} from '../../../common/schemas/auth.js';
import { OkResponse } from '../../../common/schemas/shared.js';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { currentSecurityPolicy } from '../settings/index.js';
import { loadActor } from './actor.repository.js';
import {
  changePassword,
  confirmTotp,
  login,
  logout,
  presentSession,
  secondFactorState,
  setupTotp,
} from './auth.service.js';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.LIAISON_TLS,
  };

  /** The signed-in user as /auth/me shows it, read afresh (after a password change or TOTP enrolment). */
  async function currentSession(request: FastifyRequest) {
    const ctx = request.ctx();
    const actor = await loadActor(app.db, ctx.actor.userId);
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const policy = await currentSecurityPolicy(app.db, app.policyDefaults);
    return presentSession(actor, request.session?.csrfToken ?? '', secondFactorState(actor, policy));
  }

  r.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        summary: '登录 · Sign in with username and password (and a TOTP code when enrolled)',
        tags: ['auth'],
        body: LoginRequest,
        response: { 200: SessionResponse },
      },
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
    {
      config: { permission: 'self' },
      schema: {
        summary: '当前用户 · The signed-in user, their unit and abilities',
        tags: ['auth'],
        response: { 200: SessionResponse },
      },
    },
    async (request) =>
      presentSession(request.ctx().actor, request.session?.csrfToken ?? '', {
        totpEnabled: request.secondFactor?.totpEnabled ?? false,
        mustEnrolTotp: request.secondFactor?.mustEnrolTotp ?? false,
      }),
  );

  r.post(
    '/auth/logout',
    {
      config: { permission: 'self' },
      schema: {
        summary: '退出登录 · Sign out: end this session',
        tags: ['auth'],
        response: { 200: OkResponse },
      },
    },
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
      schema: {
        summary: "修改密码 · Change one's own password",
        tags: ['auth'],
        body: ChangePasswordRequest,
        response: { 200: SessionResponse },
      },
    },
    async (request) => {
      await changePassword(request.ctx(), app.policyDefaults, request.session?.id ?? '', request.body);
      return currentSession(request);
    },
  );

  // TOTP enrolment (双因素认证): setup returns a secret and its otpauth:// URI (show it as a QR code); enable
  // confirms it with the first code. From then on, sign-in needs { username, password, totp }.
  r.post(
    '/auth/totp/setup',
    {
      config: { permission: 'self' },
      schema: {
        summary: '设置动态口令 · Start enrolling a TOTP second factor',
        tags: ['auth'],
        response: { 200: TotpSetupResponse },
      },
    },
    async (request) => setupTotp(request.ctx()),
  );

  r.post(
    '/auth/totp/enable',
    {
      config: { permission: 'self' },
      schema: {
        summary: '启用动态口令 · Enable TOTP with a first code',
        tags: ['auth'],
        body: TotpEnableRequest,
        response: { 200: SessionResponse },
      },
    },
    async (request) => {
      await confirmTotp(request.ctx(), request.body.code);
      return currentSession(request);
    },
  );
}
