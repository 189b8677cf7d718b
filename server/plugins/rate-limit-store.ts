// The rate limits' counters in the database (@fastify/rate-limit's store interface), shared by every instance
// on the same database: one atomic upsert per counted request — a new window starts at 1, else the count goes
// up — so two instances never both see "first request" for the same key.
import { sql } from 'kysely';
import type { Executor } from '../context.js';

export interface Counted {
  current: number;
  /** ms until the window ends */
  ttl: number;
}

export async function countRequest(
  db: Executor,
  key: string,
  windowMs: number,
  now = Date.now(),
): Promise<Counted> {
  const ends = now + windowMs;
  const { rows } = await sql<{ count: number; window_ends_at: number }>`
    insert into rate_limit_counters (key, count, window_ends_at) values (${key}, 1, ${ends})
    on conflict (key) do update set
      count = case when rate_limit_counters.window_ends_at <= ${now} then 1 else rate_limit_counters.count + 1 end,
      window_ends_at = case when rate_limit_counters.window_ends_at <= ${now} then ${ends}
        else rate_limit_counters.window_ends_at end
    returning count, window_ends_at`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('rate limit counter: no row returned');
  return { current: Number(row.count), ttl: Math.max(0, Number(row.window_ends_at) - now) };
}

/** Counters whose window ended over an hour ago (the sweep's housekeeping). */
export async function purgeExpiredCounters(db: Executor, now = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_counters')
    .where('window_ends_at', '<', now - 3600_000)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

type Callback = (error: Error | null, result?: Counted) => void;

/** A store class for @fastify/rate-limit, bound to a database. */
export function databaseStore(db: Executor) {
  return class DatabaseStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      countRequest(db, key, timeWindow).then(
        (r) => cb(null, r),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
    child(): DatabaseStore {
      return this;
    }
  };
}
