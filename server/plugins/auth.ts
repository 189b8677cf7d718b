import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../context.js';
import { type SecondFactorState, secondFactorState } from '../modules/auth/auth.service.js';
import { deleteSession, findSession, touchSession } from '../modules/auth/session.repository.js';
import { currentSecurityPolicy } from '../modules/settings/security-policy.js';
import { loadActor } from '../modules/users/actor.repository.js';

export const SESSION_COOKIE = 'liaison_session';
// Write last_seen_at at most this often: idle timeout stays exact to a minute without a write per request.
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { id: string; csrfToken: string } | null;
    /** the account's second factor, and whether it must enrol one before anything else */
    secondFactor: SecondFactorState | null;
  }
}

/**
 * The session behind the cookie, checked on every request against the policy in force: idle timeout,
 * absolute lifetime, a disabled or deleted account. A session that fails any check is deleted at once.
 */
async function resolveSession(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await findSession(app.db, token);
  if (!session) return;
  const policy = await currentSecurityPolicy(app.db, app.policyDefaults);
  const now = Date.now();
  const idleLimit = Date.parse(session.last_seen_at) + policy.sessionIdleMinutes * 60_000;
  const absoluteLimit = Math.min(
    Date.parse(session.expires_at),
    Date.parse(session.created_at) + policy.sessionAbsoluteHours * 3600_000,
  );
  if (now > idleLimit || now > absoluteLimit) {
    await deleteSession(app.db, session.id);
    return;
  }
  const actor = await loadActor(app.db, session.user_id);
  if (!actor || actor.disabled) {
    await deleteSession(app.db, session.id);
    return;
  }
  if (now - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) await touchSession(app.db, session.id);
  const { disabled: _disabled, totpEnabled: _totp, ...rest } = actor;
  request.actor = rest;
  request.session = { id: session.id, csrfToken: session.csrf_token };
  request.secondFactor = secondFactorState(actor, policy);
}

async function auth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('secondFactor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    await resolveSession(app, request);
  });
}

export default fp(auth, { name: 'auth', dependencies: ['db', '@fastify/cookie'] });
