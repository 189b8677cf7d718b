// `q` filters find what was typed, literally: `%` and `_` are not wildcards, on SQLite and PostgreSQL alike.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LedgerCast, ledgerCast, record } from '../modules/ledger/ledger.fixtures.js';
import { makeOrganisation } from '../test/factories.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../test/helper.js';

describeEachDialect('q filters match % and _ literally', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    for (const title of [
      '完成率100%专项调研',
      '完成率1000人专项调研',
      '座谈会_第二场',
      '座谈会一第二场',
      '路径 a\\b',
    ]) {
      await record(c.dept, {
        departmentId: c.ids.jiaoyu,
        counterpartIds: [c.ids.minmeng],
        kind: 'research',
        subtype: 'joint',
        title,
        startsAt: '2024-03-01T09:00:00+08:00',
      });
    }
    await makeOrganisation(t.db, { name: '区100%覆盖办公室', kind: 'department' });
    await makeOrganisation(t.db, { name: '区1000覆盖办公室', kind: 'department' });
  });
  afterAll(async () => t.close());

  const titles = async (q: string) =>
    (await c.dept.get(`/api/v1/ledger?year=2024&q=${encodeURIComponent(q)}`))
      .json()
      .items.map((r: { title: string }) => r.title)
      .sort();

  it('finds a literal % , _ and \\ in the ledger', async () => {
    expect(await titles('100%')).toEqual(['完成率100%专项调研']);
    expect(await titles('座谈会_')).toEqual(['座谈会_第二场']);
    expect(await titles('a\\b')).toEqual(['路径 a\\b']);
    expect(await titles('完成率')).toHaveLength(2);
  });

  it('finds a literal % in the organisation directory', async () => {
    const res = await c.tzb.get(`/api/v1/organisations?q=${encodeURIComponent('100%')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const names = (Array.isArray(body) ? body : body.items).map((o: { name: string }) => o.name);
    expect(names).toEqual(['区100%覆盖办公室']);
  });
});
