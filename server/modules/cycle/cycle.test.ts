import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { record } from '../ledger/ledger.fixtures.js';
import { obligationsWithState, refreshObligations, runYearStart } from './cycle.service.js';

describeEachDialect('the yearly cycle', (dialect) => {
  let t: TestApp;
  let dept: Client;
  const ids = {} as Record<'jiaoyu' | 'minmeng', number>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ids.jiaoyu = await orgId(t.db, '区教育局');
    ids.minmeng = await orgId(t.db, '民盟奉化支部');
    dept = await loginAs(t, 'department', '区教育局');
  });
  afterAll(async () => t.close());

  it('creates the obligations of the year once, however often it runs (even at once)', async () => {
    const [a, b] = await Promise.all([runYearStart(t.db, 2025), runYearStart(t.db, 2025)]);
    const rows = await t.db.selectFrom('obligations').select(['kind']).where('year', '=', 2025).execute();
    // the 2019 list: 26 pairs, 26 departments → 26 symposia, 26 plans, 26 reports
    expect(rows.length).toBe(78);
    expect(a.created + b.created).toBe(78);
    expect((await runYearStart(t.db, 2025)).created).toBe(0);
    const report = await t.db
      .selectFrom('obligations')
      .select(['due_date', 'status'])
      .where('key', 'like', `report:%:2025:${ids.jiaoyu}`)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ due_date: '2026-01-31', status: 'open' });
  });

  it('turns an obligation met when the matching record appears', async () => {
    const sym = await record(dept, {
      departmentId: ids.jiaoyu,
      counterpartIds: [ids.minmeng],
      kind: 'symposium',
      title: '2025年度对口联系工作座谈会',
      startsAt: '2025-02-20T09:00:00+08:00',
    });
    const plan = await dept.post('/api/v1/plans', { departmentId: ids.jiaoyu, year: 2025 });
    expect(plan.statusCode).toBe(200);
    const mine = await obligationsWithState(t.db, {
      now: new Date().toISOString(),
      organisationIds: [ids.jiaoyu],
      year: 2025,
    });
    expect(mine.map((o) => [o.kind, o.met_ref]).sort()).toEqual(
      [
        ['plan', `plan:${plan.json().id}`],
        ['report', null],
        ['symposium', `ledger:${sym.id}`],
      ].sort(),
    );
    const { met } = await refreshObligations(t.db);
    expect(met).toBe(2);
    const stored = await t.db
      .selectFrom('obligations')
      .select(['kind', 'status', 'met_by_ref'])
      .where('organisation_id', '=', ids.jiaoyu)
      .where('year', '=', 2025)
      .orderBy('kind')
      .execute();
    expect(stored).toEqual([
      { kind: 'plan', status: 'met', met_by_ref: `plan:${plan.json().id}` },
      { kind: 'report', status: 'open', met_by_ref: null },
      { kind: 'symposium', status: 'met', met_by_ref: `ledger:${sym.id}` },
    ]);
  });
});
