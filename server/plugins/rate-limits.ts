import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { appendAuditAlone } from '../modules/audit/index.js';
import { databaseStore } from './rate-limit-store.js';

export interface RateLimitOptions {
  /** sign-in attempts per minute from one client address */
  loginPerIp: number;
  /** sign-in attempts per minute for one username, from anywhere */
  loginPerUser: number;
  /** .docx / .xlsx exports per minute per signed-in user */
  exportsPerUser: number;
}

const MINUTE = 60_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Rate limits (入侵防范): on sign-in per client address and per username, on password changes per account — together with the lockout after
 * repeated failures they slow password guessing from one place and against one account from many — and on
 * document exports per user. Beyond a limit: 429 RATE_LIMITED in our error shape, with Retry-After, and one
 * audit entry per key and window (not one per refused request, so a flood does not flood the trail).
 *
 * Counters live in the database (`rate-limit-store.ts`), so instances behind one load balancer count together,
 * as the lockout does.
 */
async function rateLimits(app: FastifyInstance, opts: RateLimitOptions): Promise<void> {
  await app.register(fastifyRateLimit, { global: false, store: databaseStore(app.db) as never });

  const byIp = (request: FastifyRequest) => normalizeIP(request.ip);
  const usernameOf = (request: FastifyRequest): string => {
    const body = request.body as { username?: unknown } | undefined;
    return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
  };
  const loginPerIp = app.createRateLimit({
    max: opts.loginPerIp,
    timeWindow: MINUTE,
    keyGenerator: (r) => `login-ip|${byIp(r)}`,
  });
  const loginPerUser = app.createRateLimit({
    max: opts.loginPerUser,
    timeWindow: MINUTE,
    keyGenerator: (r) => `login-user|${usernameOf(r)}`,
  });
  // a password change checks the current password: limited like sign-in, per account
  const passwordPerUser = app.createRateLimit({
    max: opts.loginPerUser,
    timeWindow: MINUTE,
    keyGenerator: (r) => `password-user|${r.actor?.userId ?? byIp(r)}`,
  });
  const codesPerIp = app.createRateLimit({
    max: opts.loginPerIp,
    timeWindow: MINUTE,
    keyGenerator: (r) => `codes-ip|${byIp(r)}`,
  });
  const exportsPerUser = app.createRateLimit({
    max: opts.exportsPerUser,
    timeWindow: MINUTE,
    keyGenerator: (r) => `export|${r.actor?.userId ?? byIp(r)}`,
  });

  // key → end of the window in which its excess was already audited
  const audited = new Map<string, number>();
  async function enforce(limiter: Limiter, what: string, request: FastifyRequest, reply: FastifyReply) {
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    const now = Date.now();
    if ((audited.get(result.key) ?? 0) < now) {
      audited.set(result.key, now + result.ttl);
      if (audited.size > 10_000) for (const [k, until] of audited) if (until < now) audited.delete(k);
      await appendAuditAlone(
        app.db,
        { actor: request.actor ?? null, ip: request.ip },
        {
          action: 'rate.limited',
          entityType: 'route',
          entityId: `${request.method} ${request.routeOptions.url}`,
          outcome: 'denied',
          detail: `${what} > ${result.max}/min${what === 'login per username' ? `: ${usernameOf(request)}` : ''}`,
        },
      );
    }
    reply.header('retry-after', String(result.ttlInSeconds));
    throw new AppError('RATE_LIMITED');
  }

  const addHook = (route: RouteOptions, hook: 'preValidation' | 'preHandler', fn: RouteHook) => {
    const existing = route[hook];
    route[hook] = [...(existing ? [existing].flat() : []), fn] as never;
  };

  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.includes('POST') && /\/(activation\/(check|redeem)|setup|setup\/check)$/.test(route.url)) {
      // one-time codes and the setup token: guessing is slowed like passwords, per client address
      addHook(route, 'preValidation', async (request, reply) => {
        await enforce(codesPerIp, 'codes per address', request, reply);
      });
    } else if (methods.includes('POST') && route.url.endsWith('/auth/login')) {
      // preValidation: the body is parsed (the username is in it) but nothing else ran yet
      addHook(route, 'preValidation', async (request, reply) => {
        await enforce(loginPerIp, 'login per address', request, reply);
        await enforce(loginPerUser, 'login per username', request, reply);
      });
    } else if (methods.includes('POST') && route.url.endsWith('/auth/password')) {
      addHook(route, 'preHandler', async (request, reply) => {
        await enforce(passwordPerUser, 'password changes per user', request, reply);
      });
    } else if (route.config?.export === true) {
      // a route that renders a document (`config.export`): costly (CPU and memory), so limited per user
      // preHandler: after the access check, so a refused request is a 403, not a 429, and costs nothing
      addHook(route, 'preHandler', async (request, reply) => {
        await enforce(exportsPerUser, 'exports per user', request, reply);
      });
    }
  });
}

type RouteHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export default fp(rateLimits, { name: 'rate-limits', dependencies: ['db', 'auth'] });
