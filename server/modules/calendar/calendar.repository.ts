import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';

/** One feed secret per user: setting a new one replaces (and so revokes) the old. */
export async function replaceFeedToken(db: Executor, userId: number, tokenHash: string): Promise<string> {
  const at = nowIso();
  await db.deleteFrom('calendar_feed_tokens').where('user_id', '=', userId).execute();
  await db
    .insertInto('calendar_feed_tokens')
    .values({ user_id: userId, token_hash: tokenHash, created_at: at })
    .execute();
  return at;
}

/** `tokenHashes`: every digest the token may be stored under (SHA-256 and SM3, across a crypto switch). */
export async function userOfFeedToken(db: Executor, tokenHashes: string[]): Promise<number | null> {
  const row = await db
    .selectFrom('calendar_feed_tokens')
    .select('user_id')
    .where('token_hash', 'in', tokenHashes)
    .executeTakeFirst();
  return row?.user_id ?? null;
}
