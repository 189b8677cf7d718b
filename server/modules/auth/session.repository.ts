import type { Executor } from '../../context.js';
import { csrfTokenFor, newToken, tokenDigest, tokenDigests } from '../../crypto/tokens.js';
import { nowIso } from '../../db/dialect.js';

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(
  db: Executor,
  userId: number,
  absoluteHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newToken(32);
  const csrfToken = csrfTokenFor(token);
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      // SHA-256, or SM3 in gm mode; lookups accept both, so sessions survive a switch
      id: tokenDigest(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + absoluteHours * 3600_000).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(db: Executor, token: string) {
  return db.selectFrom('sessions').selectAll().where('id', 'in', tokenDigests(token)).executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * End a user's sessions (all, or all but the current one). The calendar feed secret is a credential too: it
 * is revoked with them — by a password change or reset, "end all sessions", a disabled account, new rights.
 */
export async function deleteUserSessions(
  db: Executor,
  userId: number,
  exceptSessionId?: string,
): Promise<number> {
  await db.deleteFrom('calendar_feed_tokens').where('user_id', '=', userId).execute();
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
