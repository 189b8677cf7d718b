// The 专题协商座谈会 of a matter (scheduled with invitations, held, minuted) and 先协商后决策 (violation flagged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, describeEachDialect, type TestApp } from '../../test/helper.js';
import { type ConsultationsCast, consultationsCast, FORBIDDEN, M, ok } from './consultations.fixtures.js';

describeEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let ids: ConsultationsCast['ids'];
  let dept: Client; // 区教育局, paired with 民盟
  let cp: Client; // 民盟奉化支部
  let tzb: Client;
  let matter: ConsultationsCast['matter'];

  beforeAll(async () => {
    ({ t, ids, dept, cp, tzb, matter } = await consultationsCast(dialect));
  });
  afterAll(async () => t.close());

  describe('the symposium and 先协商后决策', () => {
    it('is scheduled with invitations to the counterparts’ leaders, held, minuted — each once', async () => {
      await ok(
        cp.put(`/api/v1/roster/${ids.minmeng}/leader`, {
          name: '王建华',
          position: '主委',
          mobile: '13805741234',
          servedFrom: '2024-01-01',
        }),
      );
      const m = await matter(dept, { title: '学区调整座谈', counterpartIds: [ids.minmeng] });
      expect((await dept.put(`${M}/${m.id}/minutes`, { minutes: '早了' })).json().error.code).toBe(
        'SYMPOSIUM_NOT_HELD',
      );
      const scheduled = await ok(
        dept.post(`${M}/${m.id}/symposium`, {
          scheduledAt: '2026-03-02T09:00:00+08:00',
          place: '区教育局三楼会议室',
        }),
      );
      expect(scheduled.symposium).toMatchObject({
        status: 'scheduled',
        scheduledAt: '2026-03-02T01:00:00.000Z',
        place: '区教育局三楼会议室',
      });
      expect(scheduled.counterparts[0]).toMatchObject({ id: ids.minmeng, invitee: '王建华（主委）' });
      expect(scheduled.counterparts[0].invitedAt).not.toBeNull();
      const inbox = (await ok(cp.get('/api/v1/notifications'))).items;
      expect(inbox).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'consultation_invitation',
            link: `/consultations/matters/${m.id}`,
          }),
        ]),
      );
      // the counterpart may not schedule; the department holds it
      expect(
        (
          await cp.post(`${M}/${m.id}/symposium`, { scheduledAt: '2026-03-02T09:00:00+08:00', place: 'x' })
        ).json(),
      ).toEqual(FORBIDDEN);
      const held = await ok(dept.post(`${M}/${m.id}/symposium/held`, { attendees: '王建华、李明' }));
      expect(held.symposium).toMatchObject({
        status: 'held',
        heldAt: '2026-03-02T01:00:00.000Z',
        attendees: '王建华、李明',
      });
      expect((await dept.post(`${M}/${m.id}/symposium/held`, {})).json().error.code).toBe(
        'SYMPOSIUM_ALREADY_HELD',
      );
      expect(
        (await dept.post(`${M}/${m.id}/symposium`, { scheduledAt: '2026-04-02T09:00:00+08:00', place: 'x' }))
          .statusCode,
      ).toBe(409);
      const minuted = await ok(
        dept.put(`${M}/${m.id}/minutes`, { minutes: '一、与会人员……\n二、意见建议……' }),
      );
      expect(minuted.symposium.minutes).toBe('一、与会人员……\n二、意见建议……');
      // held afterwards, decided after: no violation
      const decided = await ok(
        dept.post(`${M}/${m.id}/decision`, { decidedAt: '2026-03-20T10:00:00+08:00' }),
      );
      expect(decided).toMatchObject({ decidedAt: '2026-03-20T02:00:00.000Z', violation: false });
      expect((await dept.post(`${M}/${m.id}/decision`, {})).json().error.code).toBe(
        'DECISION_ALREADY_RECORDED',
      );
      const future = await matter(dept, { title: '未来决策' });
      expect(
        (await dept.post(`${M}/${future.id}/decision`, { decidedAt: '2099-01-01T00:00:00+08:00' }))
          .statusCode,
      ).toBe(400);
    });

    it('flags a decision recorded before the symposium was held (violation), on views, lists and the filter', async () => {
      const noSymposium = await matter(dept, { title: '未协商即决策' });
      const v1 = await ok(dept.post(`${M}/${noSymposium.id}/decision`, { note: '紧急' }));
      expect(v1.violation).toBe(true);
      // decided, then the symposium held later: still decided before it
      const late = await matter(dept, { title: '先决策后开会' });
      await ok(dept.post(`${M}/${late.id}/decision`, { decidedAt: '2026-05-01T09:00:00+08:00' }));
      await ok(dept.post(`${M}/${late.id}/symposium/held`, { heldAt: '2026-05-10T09:00:00+08:00' }));
      expect((await ok(cp.get(`${M}/${late.id}`))).violation).toBe(true);
      const fine = await matter(dept, { title: '先开会后决策' });
      await ok(dept.post(`${M}/${fine.id}/symposium/held`, { heldAt: '2026-05-10T09:00:00+08:00' }));
      await ok(dept.post(`${M}/${fine.id}/decision`, { decidedAt: '2026-05-11T09:00:00+08:00' }));

      const flagged = (await ok(tzb.get(`${M}?violation=1`))).items;
      const flaggedIds = flagged.map((x: { id: number }) => x.id);
      expect(flaggedIds).toEqual(expect.arrayContaining([noSymposium.id, late.id]));
      expect(flaggedIds).not.toContain(fine.id);
      expect(flagged.every((x: { violation: boolean }) => x.violation)).toBe(true);
      const all = (await ok(tzb.get(M))).items as { id: number; violation: boolean }[];
      expect(all.find((x) => x.id === fine.id)?.violation).toBe(false);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', 'consultation.matter.decide')
        .where('entity_id', '=', String(noSymposium.id))
        .executeTakeFirstOrThrow();
      expect(audit.detail).toContain('先协商后决策');
    });
  });
});
