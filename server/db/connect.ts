import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type KyselyPlugin, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type PgModule from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** the SQLite file path (':memory:' for tests), or null on PostgreSQL */
  sqlitePath: string | null;
  /** PostgreSQL: the connection pool's counts, for /metrics (SQLite has one connection and no pool) */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

// pg is loaded on first use, so a process on SQLite (the CLI, a child in the crash test) starts faster.
let pgModule: typeof PgModule | null = null;
function loadPg(): typeof PgModule {
  if (pgModule) return pgModule;
  pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
  // COUNT(*) and BIGINT come back from pg as strings; our counts always fit in a JS number.
  pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  return pgModule;
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

export function connect(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  if (dialectOf(url) === 'postgres') {
    // jit=off: the dashboard's aggregates run 50–300 ms, and PostgreSQL's JIT compiled each for another
    // 20–60 ms (bench/plans/postgres-dashboard-province.txt) — a cost that only pays off on long analytics.
    const pool = new (loadPg().Pool)({
      connectionString: url,
      max: options.poolSize ?? 10,
      options: '-c jit=off',
    });
    // An idle connection the server closed (restart, failover, a dropped test database) is removed from
    // the pool and replaced on demand; without a listener the 'error' event would crash the process.
    pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      sqlitePath: null,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
    };
  }
  const path = url.slice('sqlite:'.length) || ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // One writer connection (Kysely serialises access to it); WAL so readers of a backup don't block;
  // synchronous=FULL so an acknowledged write survives power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 剩余信息保护: deleted content is overwritten with zeros, not left in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  // Planner statistics (sqlite_stat1), as SQLite advises for long-lived connections: without them the planner
  // guessed that `status = ?` or `kind = ?` were selective and read every open suggestion / future invitation
  // of a province to find one unit's (bench/plans/sqlite-digest.txt). analysis_limit keeps it to ~0.1 s on a
  // province's ten years; optimize only re-analyses tables whose size changed much since.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  // The audit trail's delete trigger asks this function; only the archive transaction raises the flag.
  const archiveFlag = { allowed: false };
  sqlite.function('liaison_audit_archive_allowed', { deterministic: false }, () =>
    archiveFlag.allowed ? 1 : 0,
  );
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [yieldWhenDue],
  });
  archiveFlags.set(db, archiveFlag);
  return { db, dialect: 'sqlite', sqlitePath: path, close: () => db.destroy() };
}

/**
 * better-sqlite3 runs a query synchronously, so a request's queries follow one another as microtasks: under
 * load the requests in flight ran all their queries in one turn of the event loop, which then stalled for
 * hundreds of milliseconds (bench: event-loop delay max 558 ms at 50 connections). A query that ends more than
 * YIELD_EVERY_MS after the last yield therefore yields (setImmediate), letting timers, sockets and other
 * requests in: no run of queries holds the loop much beyond that. Yielding after every query instead cost a
 * macrotask and a trip round the event loop per query, to break stalls of a fraction of a millisecond.
 */
const YIELD_EVERY_MS = 5;
let lastYield = 0;
const yieldNow = () =>
  new Promise<void>((resolve) =>
    setImmediate(() => {
      lastYield = performance.now();
      resolve();
    }),
  );
const yieldWhenDue: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    if (performance.now() - lastYield >= YIELD_EVERY_MS) await yieldNow();
    return args.result;
  },
};

/**
 * Kysely prepares every query anew; on SQLite parsing and planning a statement costs about as much as running
 * a small one. Prepared statements are kept by their SQL text (the queries are built, so the set is bounded;
 * least recently used beyond 500) — a statement busy in an iteration is not shared.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, hit);
        return hit;
      }
      const statement = sqlite.prepare(sqlText);
      if (!hit) {
        cache.set(sqlText, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}

const archiveFlags = new WeakMap<Kysely<Database>, { allowed: boolean }>();

/**
 * Run `fn` in one transaction in which the audit trail's append-only trigger lets DELETE pass — the one
 * path by which entries leave it (`liaison audit archive`, after they were written to a file). PostgreSQL:
 * a transaction-local setting the trigger reads; SQLite: a flag behind a function registered on the app's
 * own connection (any other connection has no such function, so its DELETE still fails).
 */
export async function inAuditArchiveTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const flag = archiveFlags.get(db);
  return db.transaction().execute(async (trx) => {
    if (!flag) {
      await sql`select set_config('liaison.audit_archive_allowed', 'on', true)`.execute(trx);
      return fn(trx);
    }
    flag.allowed = true;
    try {
      return await fn(trx);
    } finally {
      flag.allowed = false;
    }
  });
}
