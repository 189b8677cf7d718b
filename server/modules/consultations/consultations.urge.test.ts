// 督办: 统战部 presses an overdue reply by hand, with a note, on the item's timeline; each repeat reaches higher
// (联络员 → 分管领导 → 统战部 leadership); only an overdue, unanswered item can be pressed; in bulk, all or none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, describeEachDialect, type TestApp } from '../../test/helper.js';
import { type ConsultationsCast, consultationsCast, FORBIDDEN, I, ok } from './consultations.fixtures.js';

type Note = { kind: string; title: string; body: string; link: string | null };
const inboxAbout = async (c: Client, id: number): Promise<Note[]> =>
  (await ok(c.get('/api/v1/notifications?limit=200'))).items.filter(
    (n: Note) => n.link === `/consultations/items/${id}` && n.kind === 'consultation_urged',
  );
const urgedEvents = (screen: { timeline: { action: string; note: string | null }[] }) =>
  screen.timeline.filter((e) => e.action === 'urged').map((e) => e.note);

describeEachDialect('督办 (pressing an overdue reply)', (dialect) => {
  let t: TestApp;
  let ids: ConsultationsCast['ids'];
  let dept: Client;
  let cp: Client;
  let tzb: Client;
  let qfb: Client;
  let matterId: number;
  let addItem: ConsultationsCast['addItem'];
  const overdueItem = async (text: string): Promise<number> =>
    (await addItem(cp, matterId, { text, receivedOn: '2025-03-03' })).item.id;

  beforeAll(async () => {
    let matter: ConsultationsCast['matter'];
    ({ t, ids, dept, cp, tzb, qfb, matter, addItem } = await consultationsCast(dialect));
    matterId = (await matter(dept, { title: '学区调整方案', counterpartIds: [ids.minmeng] })).id;
    await ok(
      dept.put(`/api/v1/roster/${ids.jiaoyu}/leader`, {
        name: '张伟',
        position: '副局长',
        mobile: '13805740001',
        servedFrom: '2024-01-01',
      }),
    );
  });
  afterAll(async () => t.close());

  it('统战部 presses an overdue reply: the note is on the timeline, the department is told, linking to the item', async () => {
    const id = await overdueItem('建议公开学区划分依据');
    const seen = await ok(tzb.get(`${I}/${id}`));
    expect(seen.item.abilities.canUrge).toBe(true);
    expect((await ok(dept.get(`${I}/${id}`))).item.abilities.canUrge).toBe(false);
    expect((await dept.post(`${I}/${id}/urge`, { note: '请答复' })).json()).toEqual(FORBIDDEN);
    expect((await qfb.post(`${I}/${id}/urge`, { note: '请答复' })).json()).toEqual(FORBIDDEN);

    const urged = await ok(tzb.post(`${I}/${id}/urge`, { note: '请于本周内答复' }));
    expect(urgedEvents(urged)).toEqual([
      expect.stringMatching(/^第1次督办（期限 2025-03-\d\d）：请于本周内答复。请联络员尽快办理答复$/),
    ]);
    const told = await inboxAbout(dept, id);
    expect(told).toEqual([
      expect.objectContaining({ title: '督办：民盟奉化支部的意见建议逾期未答复（学区调整方案）' }),
    ]);
    expect(told[0]?.body).toContain('请于本周内答复');
    // the counterpart is not the one pressed
    expect(await inboxAbout(cp, id)).toEqual([]);
  });

  it('each repeat reaches higher: the 分管领导 by name, then 统战部 leadership', async () => {
    const id = await overdueItem('建议增加学位供给');
    await ok(tzb.post(`${I}/${id}/urge`, { note: '第一次' }));
    const second = await ok(tzb.post(`${I}/${id}/urge`, { note: '第二次' }));
    expect(urgedEvents(second)[1]).toContain('请报张伟（副局长）督促办理');
    expect(await inboxAbout(tzb, id)).toEqual([]);
    const third = await ok(tzb.post(`${I}/${id}/urge`, { note: '第三次' }));
    expect(urgedEvents(third)[2]).toContain('已提请区委统战部领导协调');
    expect(await inboxAbout(tzb, id)).toEqual([
      expect.objectContaining({ title: '提请协调：区教育局经3次督办仍未答复（学区调整方案）' }),
    ]);
    expect((await inboxAbout(dept, id)).length).toBe(3);
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'consultation.item.urge')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audits).toHaveLength(3);
  });

  it('only an overdue, unanswered item can be pressed', async () => {
    const fresh = (await addItem(cp, matterId, { text: '新收到的意见' })).item.id;
    const refused = await tzb.post(`${I}/${fresh}/urge`, { note: '请答复' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ITEM_NOT_OVERDUE');
    expect(urgedEvents(await ok(tzb.get(`${I}/${fresh}`)))).toEqual([]);

    const answered = await overdueItem('逾期后答复的意见');
    await ok(dept.post(`${I}/${answered}/reply`, { replyClass: 'adopted', text: '已采纳' }));
    expect((await tzb.post(`${I}/${answered}/urge`, { note: '请答复' })).json().error.code).toBe(
      'ITEM_NOT_OVERDUE',
    );
    expect((await tzb.post(`${I}/${answered}/urge`, { note: '' })).statusCode).toBe(400);
  });

  describe('in bulk', () => {
    it('refuses the whole request when one item may not be pressed, naming it', async () => {
      const a = await overdueItem('批量甲');
      const fresh = (await addItem(cp, matterId, { text: '未逾期' })).item.id;
      const res = await tzb.post(`${I}/urge`, { ids: [a, fresh], note: '统一督办' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'URGE_NOT_ALLOWED' });
      expect(res.json().error.message).toContain(String(fresh));
      expect(urgedEvents(await ok(tzb.get(`${I}/${a}`)))).toEqual([]);
      expect(await inboxAbout(dept, a)).toEqual([]);
    });

    it('presses every item named, each at its own level', async () => {
      const a = await overdueItem('批量乙');
      const b = await overdueItem('批量丙');
      await ok(tzb.post(`${I}/${b}/urge`, { note: '先督办一次' }));
      const res = await ok(tzb.post(`${I}/urge`, { ids: [a, b, a], note: '统一督办' }));
      expect(res.urged).toEqual([
        { id: a, level: 1, notified: expect.any(Number) },
        { id: b, level: 2, notified: expect.any(Number) },
      ]);
      expect(res.urged[0].notified).toBeGreaterThan(0);
      expect((await dept.post(`${I}/urge`, { ids: [a], note: 'x' })).json()).toEqual(FORBIDDEN);
    });
  });
});
