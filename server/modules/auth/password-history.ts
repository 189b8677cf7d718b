import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { verifyPassword } from './password.js';

/** The most entries kept per user: the policy's passwordHistory may not exceed it. */
const KEEP = 24;

/** Remember a hash the user now has (in the transaction that sets it); older entries beyond 24 go. */
export async function recordPasswordHash(db: Executor, userId: number, hash: string): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: hash, created_at: nowIso() })
    .execute();
  const keep = await db
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(KEEP)
    .execute();
  const oldest = keep.at(-1);
  if (keep.length === KEEP && oldest) {
    await db
      .deleteFrom('password_history')
      .where('user_id', '=', userId)
      .where('id', '<', oldest.id)
      .execute();
  }
}

/**
 * Whether `password` is the current password or one of the last `count` the user had (count 0: no check).
 * The scrypt comparisons run in parallel on libuv's thread pool.
 */
export async function usedRecently(
  db: Executor,
  userId: number,
  password: string,
  currentHash: string,
  count: number,
): Promise<boolean> {
  if (count <= 0) return false;
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  const hashes = new Set([currentHash, ...rows.map((r) => r.password_hash)]);
  const matches = await Promise.all([...hashes].map((h) => verifyPassword(password, h)));
  return matches.some(Boolean);
}
