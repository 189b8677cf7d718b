import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Dialect, dialectOf } from '../db/connect.js';

/** The engines the database tests run on: LIAISON_TEST_DIALECTS=sqlite,postgres (default sqlite). */
export const DIALECTS: Dialect[] = (process.env.LIAISON_TEST_DIALECTS ?? 'sqlite')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean)
  .map((d) => dialectOf(d === 'sqlite' ? 'sqlite:' : 'postgres://')) as Dialect[];

/** Where tests create and drop their own PostgreSQL databases. */
export const PG_ADMIN_URL = process.env.LIAISON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: in-memory SQLite, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(dialect: Dialect, file?: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') return { url: `sqlite:${file ?? ':memory:'}`, drop: async () => {} };
  const name = `liaison_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
