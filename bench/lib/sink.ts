// A raw bulk writer for the generator: batched multi-row INSERTs inside explicit transactions, on a
// better-sqlite3 connection of its own or a pg client (no COPY), with ids assigned by the caller.
import { createRequire } from 'node:module';
import SQLite from 'better-sqlite3';
import type PgModule from 'pg';

type Value = string | number | null | Buffer;

export interface Sink {
  dialect: 'sqlite' | 'postgres';
  insert(table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void>;
  exec(sql: string): Promise<void>;
  all<T>(sql: string): Promise<T[]>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  close(): Promise<void>;
  /** rows written, by table */
  counts: Map<string, number>;
}

const tally = (counts: Map<string, number>, table: string, n: number) =>
  counts.set(table, (counts.get(table) ?? 0) + n);

export async function openSink(url: string): Promise<Sink> {
  const counts = new Map<string, number>();
  if (url.startsWith('sqlite:')) {
    const db = new SQLite(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    // a bulk load that is rerun from scratch on failure: no fsync per commit
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -200000');
    const statements = new Map<string, SQLite.Statement>();
    const ROWS = 400; // ≤ 32766 variables per statement
    return {
      dialect: 'sqlite',
      counts,
      async insert(table, columns, rows) {
        for (let i = 0; i < rows.length; i += ROWS) {
          const chunk = rows.slice(i, i + ROWS);
          const key = `${table}:${columns.join(',')}:${chunk.length}`;
          let st = statements.get(key);
          if (!st) {
            const tuple = `(${columns.map(() => '?').join(',')})`;
            st = db.prepare(
              `insert into ${table} (${columns.join(',')}) values ${Array(chunk.length).fill(tuple).join(',')}`,
            );
            statements.set(key, st);
          }
          st.run(chunk.flat());
        }
        tally(counts, table, rows.length);
      },
      async exec(sql) {
        db.exec(sql);
      },
      async all<T>(sql: string) {
        return db.prepare(sql).all() as T[];
      },
      async begin() {
        db.exec('begin');
      },
      async commit() {
        db.exec('commit');
      },
      async close() {
        // fold the WAL into the file now, not in the first reader's close
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      },
    };
  }
  const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    dialect: 'postgres',
    counts,
    async insert(table, columns, rows) {
      const per = Math.max(1, Math.min(1000, Math.floor(60000 / columns.length)));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        let n = 0;
        const tuples = chunk.map(() => `(${columns.map(() => `$${++n}`).join(',')})`);
        await client.query({
          text: `insert into ${table} (${columns.join(',')}) values ${tuples.join(',')}`,
          values: chunk.flat(),
        });
      }
      tally(counts, table, rows.length);
    },
    async exec(sql) {
      await client.query(sql);
    },
    async all<T>(sql: string) {
      return (await client.query(sql)).rows as T[];
    },
    async begin() {
      await client.query('begin');
    },
    async commit() {
      await client.query('commit');
    },
    async close() {
      await client.end();
    },
  };
}
