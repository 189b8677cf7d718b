import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CompiledQuery } from 'kysely';
import type { SecurityPolicy } from '../../common/security-policy.js';
import type { Actor } from '../context.js';
import {
  deleteSession,
  findSession,
  loadActor,
  type SecondFactorState,
  secondFactorState,
  touchSession,
} from '../modules/auth/index.js';
import { currentSecurityPolicy } from '../modules/settings/index.js';

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

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;
type LoadedActor = NonNullable<Awaited<ReturnType<typeof loadActor>>>;
interface Resolved {
  session: SessionRow;
  actor: LoadedActor;
}

/** at most this many sessions cached per instance (the oldest go first) */
const SESSION_CACHE_MAX = 10_000;
const EPOCH_QUERY = CompiledQuery.raw('select epoch from auth_epoch where id = 1');

/**
 * Sessions and their actors as last read, per app instance, valid for one value of the sign-in epoch: a
 * counter that database triggers raise whenever a session ends or an account, organisation or region a session
 * is resolved from changes (migration 2026_12_02_1800_auth_epoch). Each request reads the counter (one row, one
 * small query instead of the session and the actor); if it moved, every entry is dropped. So a sign-out,
 * password reset, disabled account or role change made through any instance — or the CLI, or plain SQL — is
 * honoured by every instance from its next request on.
 */
class SessionCache {
  private epoch = -1;
  private entries = new Map<string, Resolved>();

  async epochNow(app: FastifyInstance): Promise<number> {
    const { rows } = await app.db.executeQuery<{ epoch: number | string }>(EPOCH_QUERY);
    const epoch = Number(rows[0]?.epoch ?? 0);
    if (epoch !== this.epoch) {
      this.entries.clear();
      this.epoch = epoch;
    }
    return epoch;
  }
  get(token: string): Resolved | undefined {
    return this.entries.get(token);
  }
  /** kept only if the epoch is still the one read before the session was */
  set(token: string, epoch: number, value: Resolved): void {
    if (epoch !== this.epoch) return;
    this.entries.delete(token);
    this.entries.set(token, value);
    if (this.entries.size > SESSION_CACHE_MAX)
      this.entries.delete(this.entries.keys().next().value as string);
  }
  delete(token: string): void {
    this.entries.delete(token);
  }
}

/** Whether the session has run past its idle timeout or absolute lifetime under `policy`. */
function expired(session: SessionRow, policy: SecurityPolicy, now: number): boolean {
  const idleLimit = Date.parse(session.last_seen_at) + policy.sessionIdleMinutes * 60_000;
  const absoluteLimit = Math.min(
    Date.parse(session.expires_at),
    Date.parse(session.created_at) + policy.sessionAbsoluteHours * 3600_000,
  );
  return now > idleLimit || now > absoluteLimit;
}

/**
 * The session behind the cookie, checked on every request against the policy in force: idle timeout,
 * absolute lifetime, a disabled or deleted account. A session that fails any check is deleted at once.
 * A cached session that looks expired is read again first: another instance may have seen it since.
 */
async function resolveSession(
  app: FastifyInstance,
  cache: SessionCache,
  request: FastifyRequest,
): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const epoch = await cache.epochNow(app);
  const policy = await currentSecurityPolicy(app.db, app.policyDefaults);
  const now = Date.now();
  let resolved = cache.get(token);
  if (resolved && expired(resolved.session, policy, now)) {
    cache.delete(token);
    resolved = undefined;
  }
  if (!resolved) {
    const session = await findSession(app.db, token);
    if (!session) return;
    if (expired(session, policy, now)) {
      await deleteSession(app.db, session.id);
      return;
    }
    const actor = await loadActor(app.db, session.user_id);
    if (!actor || actor.disabled) {
      await deleteSession(app.db, session.id);
      return;
    }
    resolved = { session, actor };
    cache.set(token, epoch, resolved);
  }
  const { session, actor } = resolved;
  if (now - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    await touchSession(app.db, session.id);
    session.last_seen_at = new Date(now).toISOString();
  }
  const { disabled: _disabled, totpEnabled: _totp, ...rest } = actor;
  request.actor = rest;
  request.session = { id: session.id, csrfToken: session.csrf_token };
  request.secondFactor = secondFactorState(actor, policy);
}

async function auth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('secondFactor', null);
  const cache = new SessionCache();
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    await resolveSession(app, cache, request);
  });
}

export default fp(auth, { name: 'auth', dependencies: ['db', '@fastify/cookie'] });
