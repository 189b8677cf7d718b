import { afterAll, beforeAll, expect, it } from 'vitest';
import { monthEnd } from '../../../common/shanghai-time.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { countRows, type LedgerCast, ledgerCast, record } from '../ledger/ledger.fixtures.js';

describeEachDialect('plans', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let pair: { departmentId: number; counterpartIds: number[] };
  let plan: {
    id: number;
    items: { id: number; kind: string; title: string; status: string; dueDate: string; links: unknown[] }[];
  };
  const item = (title: string) => plan.items.find((i) => i.title === title) as (typeof plan.items)[number];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    pair = { departmentId: c.ids.jiaoyu, counterpartIds: [c.ids.minmeng] };
  });
  afterAll(async () => t.close());

  it('agrees a plan at the symposium: items by kind and month; passed months with nothing linked are overdue', async () => {
    const symposium = await record(c.dept, {
      ...pair,
      kind: 'symposium',
      title: '2024年度对口联系工作座谈会',
      startsAt: '2024-01-18T09:00:00+08:00',
    });
    const res = await c.dept.post('/api/v1/plans', {
      departmentId: c.ids.jiaoyu,
      year: 2024,
      symposiumId: symposium.id,
      items: [
        { kind: 'invitation', title: '邀请参加专项检查视察', targetMonth: 5, counterpartId: c.ids.minmeng },
        { kind: 'notice', title: '抄送年度教育工作要点', targetMonth: 3 },
        { kind: 'research', title: '联合开展一项调研', targetMonth: 11 },
      ],
    });
    expect(res.statusCode).toBe(200);
    plan = res.json();
    expect(plan).toMatchObject({
      year: 2024,
      department: { name: '区教育局' },
      counterparts: [{ name: '民盟奉化支部' }],
      symposiumId: symposium.id,
      counts: { done: 0, pending: 0, overdue: 3 },
      abilities: { canEdit: true },
    });
    expect(plan.items.map((i) => [i.title, i.dueDate, i.status])).toEqual([
      ['抄送年度教育工作要点', '2024-03-31', 'overdue'],
      ['邀请参加专项检查视察', '2024-05-31', 'overdue'],
      ['联合开展一项调研', '2024-11-30', 'overdue'],
    ]);
    const dup = await c.dept.post('/api/v1/plans', { departmentId: c.ids.jiaoyu, year: 2024 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
  });

  it('turns an item done when a record is linked to it (at creation or later)', async () => {
    const inv = await record(c.dept, {
      ...pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'inspection',
      title: '校园安全专项检查视察',
      startsAt: '2024-05-10T09:00:00+08:00',
      planItemId: item('邀请参加专项检查视察').id,
    });
    expect(inv.planItemId).toBe(item('邀请参加专项检查视察').id);
    const notice = await record(c.dept, {
      ...pair,
      kind: 'notice',
      subtype: 'policy',
      title: '2024年教育工作要点',
      startsAt: '2024-03-20T10:00:00+08:00',
    });
    const linked = await c.dept.patch(`/api/v1/ledger/${notice.id}`, {
      planItemId: item('抄送年度教育工作要点').id,
    });
    expect(linked.statusCode).toBe(200);
    const after = (await c.dept.get(`/api/v1/plans/${plan.id}`)).json();
    expect(after.counts).toEqual({ done: 2, pending: 0, overdue: 1 });
    expect(after.items.map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'overdue']);
    expect(after.items[1].links).toEqual([
      { id: inv.id, title: '校园安全专项检查视察', startsAt: '2024-05-10T01:00:00.000Z' },
    ]);
    // the counterpart reads its department's plan
    const seen = await c.cp.get(`/api/v1/plans/${plan.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.canEdit).toBe(false);
  });

  it('refuses links that do not fit: another kind, another year, another department’s plan', async () => {
    const svc = await record(c.dept, {
      ...pair,
      kind: 'service',
      subtype: 'other',
      title: '结对帮扶',
      startsAt: '2024-10-01T09:00:00+08:00',
    });
    const wrongKind = await c.dept.patch(`/api/v1/ledger/${svc.id}`, {
      planItemId: item('联合开展一项调研').id,
    });
    expect(wrongKind.statusCode).toBe(400);
    const wrongYear = await c.dept.post('/api/v1/ledger', {
      ...pair,
      kind: 'research',
      subtype: 'joint',
      title: '2025调研',
      startsAt: '2025-03-01T09:00:00+08:00',
      planItemId: item('联合开展一项调研').id,
    });
    expect(wrongYear.statusCode).toBe(400);
    const otherDept = await c.otherDept.post('/api/v1/ledger', {
      departmentId: c.ids.gongan,
      counterpartIds: [c.ids.minge],
      kind: 'research',
      subtype: 'joint',
      title: '公安调研',
      startsAt: '2024-03-01T09:00:00+08:00',
      planItemId: item('联合开展一项调研').id,
    });
    expect(otherDept.statusCode).toBe(400);
    expect((await c.dept.get(`/api/v1/plans/${plan.id}`)).json().counts.overdue).toBe(1);
  });

  it('keeps future items pending, refuses deleting a fulfilled item, and scopes plans', async () => {
    const future = await c.dept.post('/api/v1/plans', {
      departmentId: c.ids.jiaoyu,
      year: 2099,
      items: [{ kind: 'service', title: '医疗义诊', targetMonth: 6 }],
    });
    expect(future.json().items).toMatchObject([{ status: 'pending', dueDate: monthEnd(2099, 6) }]);
    const added = await c.dept.post(`/api/v1/plans/${plan.id}/items`, {
      kind: 'symposium',
      title: '年中座谈',
      targetMonth: 7,
    });
    expect(added.json().items).toHaveLength(4);
    const before = await countRows(t.db, 'plan_items');
    const linkedItem = item('邀请参加专项检查视察');
    const refused = await c.dept.delete(`/api/v1/plans/${plan.id}/items/${linkedItem.id}`);
    expect(refused.statusCode).toBe(409);
    expect(await countRows(t.db, 'plan_items')).toBe(before);
    const extra = added.json().items.find((i: { title: string }) => i.title === '年中座谈');
    expect((await c.dept.delete(`/api/v1/plans/${plan.id}/items/${extra.id}`)).statusCode).toBe(200);

    expect((await c.cp.post('/api/v1/plans', { departmentId: c.ids.jiaoyu, year: 2030 })).statusCode).toBe(
      403,
    );
    expect((await c.otherCp.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await c.otherDept.get('/api/v1/plans')).json().items).toEqual([]);
    expect((await c.qfb.get('/api/v1/plans?year=2024')).json().items).toHaveLength(1);
    const unpairedItem = await c.dept.post(`/api/v1/plans/${plan.id}/items`, {
      kind: 'invitation',
      title: 'x',
      targetMonth: 8,
      counterpartId: c.ids.minjian,
    });
    expect(unpairedItem.statusCode).toBe(400);
  });
});
