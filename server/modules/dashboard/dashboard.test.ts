import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DashboardResponse } from '../../../common/schemas/dashboard.js';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { webRouteOf } from '../../test/web-routes.js';
import { record } from '../ledger/ledger.fixtures.js';

const YEAR = 2025;

describeEachDialect('compliance dashboard', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let qfb: Client;
  let dept: Client;
  let otherTzb: Client;
  const ids = {} as Record<
    'jiaoyu' | 'keji' | 'minmeng' | 'itemNotice' | 'itemResearch' | 'symposium' | 'notice',
    number
  >;
  let d: DashboardResponse;

  const unit = (id: number) => d.units.find((u) => u.organisation.id === id);
  const cellRecords = async (c: Client, q: string) => {
    const res = await c.get(`/api/v1/dashboard/cell?year=${YEAR}&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().records as { type: string; id: number; status: string }[];
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ids.jiaoyu = await orgId(t.db, '区教育局');
    ids.keji = await orgId(t.db, '区科技局');
    ids.minmeng = await orgId(t.db, '民盟奉化支部');
    tzb = await loginAs(t, 'tzb', '区委统战部');
    qfb = await loginAs(t, 'qfb', '区府办');
    dept = await loginAs(t, 'department', '区教育局');
    const other = await makeOtherDistrict(t.db, '江北区');
    otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    const pair = { departmentId: ids.jiaoyu, counterpartIds: [ids.minmeng] };

    const plan = await dept.post('/api/v1/plans', {
      departmentId: ids.jiaoyu,
      year: YEAR,
      items: [
        { kind: 'notice', title: '抄送年度教育工作要点', targetMonth: 4 },
        { kind: 'research', title: '联合开展一项调研', targetMonth: 6 },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const items = plan.json().items as { id: number; title: string }[];
    ids.itemNotice = items.find((i) => i.title === '抄送年度教育工作要点')?.id ?? 0;
    ids.itemResearch = items.find((i) => i.title === '联合开展一项调研')?.id ?? 0;
    ids.symposium = (
      await record(dept, {
        ...pair,
        kind: 'symposium',
        title: '2025年度对口联系工作座谈会',
        startsAt: '2025-03-01T09:00:00+08:00',
      })
    ).id;
    ids.notice = (
      await record(dept, {
        ...pair,
        kind: 'notice',
        subtype: 'policy',
        title: '2025年教育工作要点',
        startsAt: '2025-04-10T09:00:00+08:00',
        planItemId: ids.itemNotice,
      })
    ).id;
    const res = await tzb.get(`/api/v1/dashboard?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
  });
  afterAll(async () => t.close());

  it('shows per unit what the records say, colour-coded', async () => {
    expect(d.region.name).toBe('奉化区');
    expect(d.units.length).toBe(31); // 26 departments + 5 counterparts of the 2019 list
    expect(unit(ids.jiaoyu)?.cells).toMatchObject({
      symposium: { state: 'ok', value: '1/1' },
      plan: { state: 'warn', value: '1/2' },
      filing: { state: 'na' },
      consultation: { state: 'na' },
      replies: { state: 'na' },
      report: { state: 'bad', value: '未填报' },
    });
    expect(unit(ids.keji)?.cells).toMatchObject({
      symposium: { state: 'bad', value: '0/1' },
      plan: { state: 'bad', value: '未制定' },
    });
    expect(unit(ids.minmeng)?.cells).toMatchObject({
      symposium: { state: 'bad', value: '1/4' },
      plan: { state: 'na' },
      report: { state: 'na' },
    });
    const pair = d.pairs.find((p) => p.department.id === ids.jiaoyu && p.counterpart.id === ids.minmeng);
    expect(pair).toMatchObject({ symposia: { state: 'ok', value: 1 }, records: { state: 'ok', value: 2 } });
    expect(d.pairs.find((p) => p.department.id === ids.keji)?.records).toMatchObject({
      state: 'bad',
      value: 0,
    });
    expect(d.totals.symposium.ok).toBe(1);
    expect(d.trends.records.symposium?.[2]).toBe(1);
    expect(d.trends.records.notice?.[3]).toBe(1);
    expect(d.trends.records.notice?.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('says its cells in English to an English reader, unit names as they are', async () => {
    const res = await tzb.get(`/api/v1/dashboard?year=${YEAR}`, { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const en: DashboardResponse = res.json();
    const cells = (id: number) => en.units.find((u) => u.organisation.id === id)?.cells;
    expect(cells(ids.keji)?.plan).toMatchObject({ state: 'bad', value: 'No plan' });
    expect(cells(ids.jiaoyu)?.report).toMatchObject({ state: 'bad', value: 'Not started' });
    expect(en.metrics.find((m) => m.key === 'replies')?.label).toBe('Replies on time');
    expect(en.units.find((u) => u.organisation.id === ids.keji)?.organisation.name).toBe('区科技局');
    const texts = [
      ...en.metrics.map((m) => m.label),
      ...en.units.flatMap((u) => Object.values(u.cells).map((c) => String(c.value ?? ''))),
    ];
    expect(texts.filter((x) => /\p{Script=Han}/u.test(x))).toEqual([]);
  });

  it('leads every coloured cell to a page of the web app, never to an API path', async () => {
    const cells = [
      ...d.units.flatMap((u) => Object.values(u.cells)),
      ...d.pairs.flatMap((p) => [p.symposia, p.records, p.consultation, p.replies]),
    ];
    // green, amber and red cells all look clickable: each has a page
    expect(cells.filter((c) => c.state !== 'na' && c.link === null)).toEqual([]);
    const links = [...new Set(cells.flatMap((c) => (c.link ? [c.link] : [])))];
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => webRouteOf(l) === null)).toEqual([]);
    // the red 未制定: to the plans of that year and department, where the plan is made
    expect(unit(ids.keji)?.cells.plan).toMatchObject({
      state: 'bad',
      value: '未制定',
      link: `/plans?year=${YEAR}&departmentId=${ids.keji}`,
      drill: null,
    });
    expect(unit(ids.jiaoyu)?.cells.report.link).toBe(`/reports/${ids.jiaoyu}/${YEAR}`);
    // the records behind a cell are the drawer's query, not a link
    for (const c of cells) if (c.drill) expect(c.drill).toMatch(/^\/dashboard\/cell\?year=/);
  });

  it('drills down into exactly the records behind a cell', async () => {
    const pairCell = d.pairs.find((p) => p.department.id === ids.jiaoyu && p.counterpart.id === ids.minmeng)
      ?.records.drill;
    expect(pairCell).toBe(
      `/dashboard/cell?year=${YEAR}&organisationId=${ids.jiaoyu}&metric=records&counterpartId=${ids.minmeng}`,
    );
    const records = await cellRecords(
      tzb,
      `organisationId=${ids.jiaoyu}&metric=records&counterpartId=${ids.minmeng}`,
    );
    expect(records.map((r) => r.id)).toEqual([ids.symposium, ids.notice]);
    const symposia = await cellRecords(qfb, `organisationId=${ids.jiaoyu}&metric=symposium`);
    expect(symposia.map((r) => [r.type, r.id])).toEqual([['ledger', ids.symposium]]);
    const byCounterpart = await cellRecords(tzb, `organisationId=${ids.minmeng}&metric=symposium`);
    expect(byCounterpart.map((r) => r.id)).toEqual([ids.symposium]);
    const plan = await cellRecords(tzb, `organisationId=${ids.jiaoyu}&metric=plan`);
    expect(plan.map((r) => [r.id, r.status])).toEqual([
      [ids.itemNotice, 'done'],
      [ids.itemResearch, 'overdue'],
    ]);
    expect(await cellRecords(tzb, `organisationId=${ids.keji}&metric=symposium`)).toEqual([]);
  });

  it('is scoped to the region: another district sees its own units and not ours', async () => {
    const res = await otherTzb.get(`/api/v1/dashboard?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .units.map((u: { organisation: { name: string } }) => u.organisation.name)
        .sort(),
    ).toEqual(['江北区教育局', '民盟江北区支部'].sort());
    const cell = await otherTzb.get(
      `/api/v1/dashboard/cell?year=${YEAR}&organisationId=${ids.jiaoyu}&metric=records`,
    );
    expect(cell.statusCode).toBe(404);
    const region = (
      await t.db
        .selectFrom('organisations')
        .select('region_id')
        .where('id', '=', ids.jiaoyu)
        .executeTakeFirstOrThrow()
    ).region_id;
    expect((await otherTzb.get(`/api/v1/dashboard?year=${YEAR}&regionId=${region}`)).statusCode).toBe(404);
    expect((await dept.get(`/api/v1/dashboard?year=${YEAR}`)).statusCode).toBe(403);
  });

  it('exports the matrix as a workbook', async () => {
    const res = await tzb.get(`/api/v1/dashboard/export.xlsx?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
