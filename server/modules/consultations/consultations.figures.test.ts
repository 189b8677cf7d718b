// The consultation figures (received, replied, on time, adoption, satisfaction), through the API and the service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, describeEachDialect, loginAs, type TestApp } from '../../test/helper.js';
import { consultationFigures } from './consultations.figures.js';
import { type ConsultationsCast, consultationsCast, I, M, ok, today } from './consultations.fixtures.js';

describeEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let ids: ConsultationsCast['ids'];
  let cp: Client; // 民盟奉化支部
  let cp2: Client; // 民建奉化总支部 (not paired with 教育局; consulted when added)
  let tzb: Client;
  let addItem: ConsultationsCast['addItem'];

  beforeAll(async () => {
    ({ t, ids, cp, cp2, tzb, addItem } = await consultationsCast(dialect));
  });
  afterAll(async () => t.close());

  describe('settings and figures', () => {
    it('counts received, replied, on time, adoption and satisfaction exactly, per department and counterpart', async () => {
      const caizheng = await loginAs(t, 'department', '区财政局');
      const m = await ok(
        caizheng.post(M, { departmentId: ids.caizheng, kind: 'livelihood', title: '惠民补贴发放办法' }),
      );
      expect(m.counterparts.map((c: { id: number }) => c.id)).toEqual([ids.minjian]);
      const item = async (text: string, receivedOn?: string) =>
        (await addItem(cp2, m.id, { text, ...(receivedOn ? { receivedOn } : {}) })).item.id as number;
      const reply = (id: number, body: Record<string, unknown>) =>
        ok(caizheng.post(`${I}/${id}/reply`, body));
      const rate = (id: number, verdict: string, comment?: string) =>
        ok(cp2.post(`${I}/${id}/verdict`, { verdict, comment }));

      const a = await item('A：按时答复，采纳，满意');
      await reply(a, { replyClass: 'adopted', text: '采纳' });
      await rate(a, 'satisfied');
      const b = await item('B：逾期答复，部分采纳，未评价', '2025-03-03');
      await reply(b, { replyClass: 'partly_adopted', text: '部分采纳' });
      const c = await item('C：按时答复，暂不采纳，不满意，二次办理中');
      await reply(c, { replyClass: 'not_adopted', text: '暂不采纳', reason: '条件不具备' });
      await rate(c, 'not_satisfied', '请再研究');
      await item('D：逾期未答复', '2025-03-03');
      await item('E：未到期');
      const f = await item('F：统战部办结，未答复');
      await ok(tzb.post(`${I}/${f}/close`, { note: '并入其他事项办理' }));

      const expected = {
        received: 6,
        replied: 3,
        repliedOnTime: 2,
        overdue: 1,
        closed: 2,
        adoption: { adopted: 1, partly_adopted: 1, not_adopted: 1, for_reference: 0 },
        satisfaction: { satisfied: 1, basically_satisfied: 0, not_satisfied: 1, unrated: 1 },
      };
      const res = await ok(tzb.get(`/api/v1/consultations/figures?departmentId=${ids.caizheng}`));
      expect(res.totals).toEqual(expected);
      // by year of receipt: 2025 (B, D) and this year (A, C, E, F)
      const byYear = Object.fromEntries(
        res.rows.map((r: { year: number; received: number }) => [r.year, r.received]),
      );
      expect(byYear).toEqual({ 2025: 2, [Number(today().slice(0, 4))]: 4 });
      for (const row of res.rows) {
        expect(row).toMatchObject({ department: { id: ids.caizheng }, counterpart: { id: ids.minjian } });
      }
      const y2025 = await ok(tzb.get(`/api/v1/consultations/figures?departmentId=${ids.caizheng}&year=2025`));
      expect(y2025.totals).toMatchObject({ received: 2, replied: 1, repliedOnTime: 0, overdue: 1 });
      // the department sees the same numbers; a counterpart only its own items'
      expect((await ok(caizheng.get('/api/v1/consultations/figures'))).totals).toEqual(expected);
      const mineOnly = await ok(cp.get(`/api/v1/consultations/figures?departmentId=${ids.caizheng}`));
      expect(mineOnly.totals.received).toBe(0);
      // the service function others import
      const direct = await consultationFigures(
        t.db,
        { kind: 'region', regionPath: '/' },
        { departmentId: ids.caizheng, counterpartId: ids.minjian },
      );
      expect(direct.totals).toEqual(expected);
      expect((await consultationFigures(t.db, { kind: 'none' }, {})).totals.received).toBe(0);
    });
  });
});
