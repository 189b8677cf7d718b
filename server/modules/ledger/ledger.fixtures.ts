// Test helpers for the ledger, plans, attachments and calendar tests: the pairs of the seed's 2019 list.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { buildTestApp, type Client, loginAs, orgId, type TestApp } from '../../test/helper.js';

/** 区教育局 ↔ 民盟奉化支部 (a pair), and 民建奉化总支部 / 区公安分局 (outside it). */
export async function ledgerCast(t: TestApp) {
  const ids = {
    jiaoyu: await orgId(t.db, '区教育局'),
    minmeng: await orgId(t.db, '民盟奉化支部'),
    minjian: await orgId(t.db, '民建奉化总支部'),
    minge: await orgId(t.db, '民革奉化区委会'),
    gongan: await orgId(t.db, '区公安分局'),
  };
  return {
    ids,
    dept: await loginAs(t, 'department', '区教育局'),
    cp: await loginAs(t, 'counterpart', '民盟奉化支部'),
    otherCp: await loginAs(t, 'counterpart', '民建奉化总支部'),
    otherDept: await loginAs(t, 'department', '区公安分局'),
    tzb: await loginAs(t, 'tzb', '区委统战部'),
    qfb: await loginAs(t, 'qfb', '区府办'),
  };
}
export type LedgerCast = Awaited<ReturnType<typeof ledgerCast>>;

export interface LedgerWorld {
  t: TestApp;
  c: LedgerCast;
  /** 区教育局 ↔ 民盟奉化支部, as a record's body names it */
  pair: { departmentId: number; counterpartIds: number[] };
}

/**
 * A test file's app on one engine with the ledger cast and its pair: built before the file's tests, closed after
 * them. Read it inside tests, once built.
 */
export function ledgerWorld(dialect: Dialect): LedgerWorld {
  const w = {} as LedgerWorld;
  beforeAll(async () => {
    w.t = await buildTestApp(dialect);
    w.c = await ledgerCast(w.t);
    w.pair = { departmentId: w.c.ids.jiaoyu, counterpartIds: [w.c.ids.minmeng] };
  });
  afterAll(async () => w.t.close());
  return w;
}

/** Create a record through the API and return its JSON (throws on a non-200 answer). */
export async function record(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/ledger', body);
  if (res.statusCode !== 200) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** 区教育局's symposium with 民盟 on 2024-01-18, made by the department: the record most tests hang things on. */
export async function symposium(c: LedgerCast, title = '座谈会'): Promise<{ id: number }> {
  return record(c.dept, {
    departmentId: c.ids.jiaoyu,
    counterpartIds: [c.ids.minmeng],
    kind: 'symposium',
    title,
    startsAt: '2024-01-18T09:00:00+08:00',
  });
}

export async function countRows(
  db: Kysely<Database>,
  table: 'attachments' | 'ledger_attachments' | 'ledger_records' | 'plan_items',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An ISO instant `days` from now (negative: in the past), whole minutes. */
export const daysFromNow = (days: number): string =>
  new Date(Math.floor((Date.now() + days * 86_400_000) / 60_000) * 60_000).toISOString();
