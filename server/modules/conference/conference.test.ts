import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConferenceResponse } from '../../../common/schemas/reports.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { type LedgerCast, ledgerCast } from '../ledger/ledger.fixtures.js';
import { getJson, knownYear, YEAR } from '../reports/reports.fixtures.js';

type Pair = ConferenceResponse['pairs'][number];

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

describeEachDialect('conference', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    await knownYear(c);
  });
  afterAll(async () => t.close());

  it('lets each side of a pair rate the other for the year; never a pair it is not in', async () => {
    const byDept = await c.dept.put('/api/v1/evaluations', {
      year: YEAR,
      partnerId: c.ids.minmeng,
      score: 4,
      comment: '参与积极，建议更多参加专项检查。',
    });
    expect(byDept.statusCode, byDept.body).toBe(200);
    expect(byDept.json()).toMatchObject({
      department: { id: c.ids.jiaoyu },
      counterpart: { id: c.ids.minmeng },
      raterSide: 'department',
      score: 4,
    });
    expect(
      (await c.cp.put('/api/v1/evaluations', { year: YEAR, partnerId: c.ids.jiaoyu, score: 3 })).statusCode,
    ).toBe(200);
    // a second rating by the same side replaces the first
    const again = await c.cp.put('/api/v1/evaluations', { year: YEAR, partnerId: c.ids.jiaoyu, score: 5 });
    expect(again.json()).toMatchObject({ raterSide: 'counterpart', score: 5 });
    // 民建 is not paired with 区教育局
    expect(
      (await c.otherCp.put('/api/v1/evaluations', { year: YEAR, partnerId: c.ids.jiaoyu, score: 1 })).json(),
    ).toEqual(NOT_FOUND);
    expect(
      (await c.dept.put('/api/v1/evaluations', { year: YEAR, partnerId: c.ids.minmeng, score: 6 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await c.tzb.put('/api/v1/evaluations', { year: YEAR, partnerId: c.ids.minmeng, score: 4 })).json(),
    ).toEqual(FORBIDDEN);
    const mine = await getJson(c.cp, `/api/v1/evaluations?year=${YEAR}`);
    expect(mine.items).toHaveLength(2);
    expect((await getJson(c.otherCp, `/api/v1/evaluations?year=${YEAR}`)).items).toEqual([]);
  });

  it('shows every pair’s year to 区府办 and 统战部: counts per section and pair, units with nothing, evaluations', async () => {
    const pack = await getJson(c.qfb, `/api/v1/conference/${YEAR}`);
    expect(pack.pairs).toHaveLength(26);
    const pair = pack.pairs.find((p: Pair) => p.department.id === c.ids.jiaoyu);
    expect(pair).toEqual({
      department: { id: c.ids.jiaoyu, name: '区教育局' },
      counterpart: { id: c.ids.minmeng, name: '民盟奉化支部' },
      counts: {
        symposia: 2,
        consultations: 0,
        suggestions: 0,
        invitationsDeptToCp: 2,
        invitationsCpToDept: 1,
        notices: 2,
        research: 2,
        services: 2,
      },
      empty: false,
      departmentScore: 5,
      counterpartScore: 4,
    });
    expect(pack.pairs.filter((p: Pair) => p.empty)).toHaveLength(25);
    expect(pack.totals).toMatchObject({
      symposia: 2,
      notices: 2,
      research: 2,
      services: 2,
      invitationsCpToDept: 1,
    });
    expect(pack.plans).toEqual({ departments: 26, withPlan: 1, items: 3, done: 2, overdue: 1, pending: 0 });
    expect(pack.reports).toMatchObject({ departments: 26, counts: { not_started: 26 }, submittedLate: 0 });
    const nothing = pack.unitsWithNothing.map((u: { name: string }) => u.name);
    expect(nothing).toContain('区公安分局');
    expect(nothing).toContain('民建奉化总支部');
    expect(nothing).not.toContain('区教育局');
    expect(nothing).not.toContain('民盟奉化支部');
    expect(nothing).toHaveLength(25 + 4);
    expect(pack.evaluations).toMatchObject({ count: 2, averageOfDepartments: 5, averageOfCounterparts: 4 });
    expect(pack.consultation).toMatchObject({
      available: true,
      matters: 0,
      suggestions: 0,
      onTimeRate: null,
    });

    expect((await c.tzb.get(`/api/v1/conference/${YEAR}`)).statusCode).toBe(200);
    for (const client of [c.dept, c.cp]) {
      expect((await client.get(`/api/v1/conference/${YEAR}`)).json()).toEqual(FORBIDDEN);
    }
  });
});
