// The bell and the inbox in the reader's language (issue 15): a notification is written in Chinese and English
// at once (notification-texts.ts); an English reader (Accept-Language: en) reads the English — nothing Chinese in
// it but the names and texts that were entered — a Chinese reader the Chinese, and a row written before the
// English existed reads in Chinese for everyone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate } from '../../../common/filings.js';
import type { NotificationDto } from '../../../common/schemas/notifications.js';
import type { Client } from '../../test/helper.js';
import { describeEachDialect } from '../../test/helper.js';
import { type ConsultationsCast, consultationsCast, I, ok } from '../consultations/consultations.fixtures.js';
import { daysFromNow, record } from '../ledger/ledger.fixtures.js';
import { YEAR } from '../reports/reports.fixtures.js';

const CJK = /[\u4e00-\u9fff]/;
const EN = { 'accept-language': 'en' };

const inbox = async (c: Client, headers?: Record<string, string>): Promise<NotificationDto[]> => {
  const res = await c.get('/api/v1/notifications', headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
/** The one notification of this kind leading here. */
const one = (items: NotificationDto[], kind: string, link: string): NotificationDto => {
  const found = items.filter((n) => n.kind === kind && n.link === link);
  expect(found, `${kind} ${link}`).toHaveLength(1);
  return found[0] as NotificationDto;
};
/** What is left of a text once the names and texts that were entered are taken out. */
const without = (text: string, names: string[]): string =>
  [...names].sort((a, b) => b.length - a.length).reduce((t, n) => t.split(n).join(''), text);
/** English through and through but for these names. */
const expectEnglish = (n: NotificationDto, names: string[]) => {
  expect(without(n.title, names), n.title).not.toMatch(CJK);
  expect(without(n.body, names), n.body).not.toMatch(CJK);
  expect(n.title).toMatch(/[A-Za-z]{3}/);
};

describeEachDialect('notifications in the reader’s language', (dialect) => {
  let c: ConsultationsCast;
  beforeAll(async () => {
    c = await consultationsCast(dialect);
  });
  afterAll(async () => c.t.close());

  it('an invitation and the answer to it', async () => {
    const title = '全区教育工作会议';
    const place = '区行政中心一号会议室';
    const inv = await record(c.dept, {
      departmentId: c.ids.jiaoyu,
      counterpartIds: [c.ids.minmeng],
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title,
      startsAt: daysFromNow(20),
      place,
    });
    const link = `/ledger/${inv.id}`;
    const english = one(await inbox(c.cp, EN), 'ledger_invitation', link);
    expect(english.title).toBe(`Invitation from 区教育局: ${title}`);
    expect(english.body).toContain(place);
    expectEnglish(english, ['区教育局', title, place]);
    const chinese = one(await inbox(c.cp), 'ledger_invitation', link);
    expect(chinese.title).toBe(`区教育局邀请：${title}`);
    expect(chinese.body).toContain('请回复是否参加');
    // the same notification, in either language
    expect(chinese.id).toBe(english.id);

    expect(
      (await c.cp.post(`/api/v1/ledger/${inv.id}/reply`, { reply: 'attend', attendees: '王主委' }))
        .statusCode,
    ).toBe(200);
    const answer = one(await inbox(c.dept, EN), 'ledger_rsvp', link);
    expect(answer.title).toBe(`民盟奉化支部 will attend: ${title}`);
    expectEnglish(answer, ['民盟奉化支部', title, '王主委']);
    expect(one(await inbox(c.dept), 'ledger_rsvp', link).title).toBe(`民盟奉化支部将参加：${title}`);
  });

  it('a suggestion, its reply and the verdict', async () => {
    const matterTitle = '课后服务收费办法';
    const m = await c.matter(c.dept, { title: matterTitle, counterpartIds: [c.ids.minmeng] });
    await ok(
      c.dept.post(`/api/v1/consultations/matters/${m.id}/symposium/held`, {
        heldAt: '2026-06-01T09:00:00+08:00',
      }),
    );
    const created = await c.addItem(c.cp, m.id, { text: '建议对困难家庭减免' });
    const link = `${I.replace('/api/v1', '')}/${created.item.id}`;
    const received = one(await inbox(c.dept, EN), 'consultation_item', link);
    expect(received.title).toBe(`Suggestion received: ${matterTitle}`);
    expectEnglish(received, [matterTitle, '民盟奉化支部']);
    expect(one(await inbox(c.dept), 'consultation_item', link).title).toBe(`收到意见建议：${matterTitle}`);

    await ok(c.dept.post(`${I}/${created.item.id}/reply`, { replyClass: 'adopted', text: '予以采纳' }));
    const reply = one(await inbox(c.cp, EN), 'consultation_reply', link);
    expect(reply).toMatchObject({
      title: `Suggestion answered: ${matterTitle}`,
      body: '区教育局 has answered your unit’s suggestion (Adopted). Please rate the answer.',
    });
    expectEnglish(reply, [matterTitle, '区教育局']);
    expect(one(await inbox(c.cp), 'consultation_reply', link).body).toBe(
      '区教育局已答复贵单位的意见建议（采纳），请评价。',
    );

    await ok(c.cp.post(`${I}/${created.item.id}/verdict`, { verdict: 'satisfied' }));
    const verdict = one(await inbox(c.dept, EN), 'consultation_verdict', link);
    expect(verdict.title).toBe(`Answer rated Satisfied: ${matterTitle}`);
    expectEnglish(verdict, [matterTitle, '民盟奉化支部']);
  });

  it('a returned annual report', async () => {
    const deadline = new Date();
    deadline.setUTCDate(deadline.getUTCDate() + 30);
    const round = await c.tzb.put(`/api/v1/report-rounds/${YEAR}`, { deadline: localDate(deadline) });
    expect(round.statusCode, round.body).toBe(200);
    const url = `/api/v1/reports/${c.ids.jiaoyu}/${YEAR}`;
    await ok(c.dept.put(url, { sections: { meetings: '全年召开对口联系工作座谈会2次。' } }));
    await ok(c.dept.post(`${url}/submit`, {}));
    const comment = '请补充联合调研成果的落实情况。';
    await ok(c.tzb.post(`${url}/return`, { comment }));
    const link = `/reports/${c.ids.jiaoyu}/${YEAR}`;
    const returned = one(await inbox(c.dept, EN), 'report_returned', link);
    expect(returned).toMatchObject({
      title: `The ${YEAR} annual report on liaison work was returned`,
      body: comment,
    });
    expectEnglish(returned, [comment]);
    expect(one(await inbox(c.dept), 'report_returned', link).title).toBe(
      `${YEAR}年度对口联系工作情况报告被退回`,
    );
  });

  it('a notification written before the English existed reads in Chinese for everyone', async () => {
    const user = await c.t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', c.dept.username)
      .executeTakeFirstOrThrow();
    await c.t.db
      .insertInto('notifications')
      .values({
        user_id: user.id,
        kind: 'deadline_reminder',
        title: '即将到期：旧通知',
        body: '旧通知正文',
        link: '/old',
        created_at: new Date().toISOString(),
        read_at: null,
        dedupe_key: `old:${dialect}`,
      })
      .execute();
    expect(one(await inbox(c.dept, EN), 'deadline_reminder', '/old')).toMatchObject({
      title: '即将到期：旧通知',
      body: '旧通知正文',
    });
    // marking it read answers in the reader's language too
    const marked = (
      await c.dept.post(
        `/api/v1/notifications/${one(await inbox(c.dept), 'deadline_reminder', '/old').id}/read`,
        {},
        EN,
      )
    ).json();
    expect(marked.title).toBe('即将到期：旧通知');
  });

  it('my-work lists what changed in the reader’s language', async () => {
    const work = (await c.cp.get('/api/v1/my-work', EN)).json() as {
      changes: { items: { type: string; title: string }[] };
    };
    const notes = work.changes.items.filter((ch) => ch.type === 'notification');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.map((n) => n.title)).toContain('Invitation from 区教育局: 全区教育工作会议');
  });
});
