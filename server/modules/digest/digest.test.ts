import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WorkItem } from '../../../common/schemas/digest.js';
import { addDays, shanghaiDate } from '../../../common/shanghai-time.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  loginAs,
  makeUser,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { runCycle } from '../cycle/index.js';
import { record } from '../ledger/ledger.fixtures.js';

describeEachDialect('my work (the digest)', (dialect) => {
  let t: TestApp;
  let jiaoyu: Client;
  let gongan: Client;
  let minmeng: Client;
  let minge: Client;
  let tzb: Client;
  const ids = {} as Record<'jiaoyu' | 'gongan' | 'minmeng' | 'minge' | 'invA' | 'invB' | 'round', number>;
  const today = shanghaiDate(new Date().toISOString());
  const year = Number(today.slice(0, 4));

  /** Open the page: read the list, then mark the visit as the web page does. */
  const myWork = async (c: Client) => {
    const res = await c.get('/api/v1/my-work');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      generatedAt: string;
      items: WorkItem[];
      changes: { since: string | null; items: { title: string }[] };
    };
    expect((await c.post('/api/v1/my-work/seen', { at: body.generatedAt })).statusCode).toBe(200);
    return body;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ids.jiaoyu = await orgId(t.db, '区教育局');
    ids.gongan = await orgId(t.db, '区公安分局');
    ids.minmeng = await orgId(t.db, '民盟奉化支部');
    ids.minge = await orgId(t.db, '民革奉化区委会');
    jiaoyu = await loginAs(t, 'department', '区教育局');
    gongan = await loginAs(t, 'department', '区公安分局');
    minmeng = await loginAs(t, 'counterpart', '民盟奉化支部');
    minge = await loginAs(t, 'counterpart', '民革奉化区委会');
    tzb = await loginAs(t, 'tzb', '区委统战部');
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    // each department invites its counterpart (the counterpart owes a reply)
    ids.invA = (
      await record(jiaoyu, {
        departmentId: ids.jiaoyu,
        counterpartIds: [ids.minmeng],
        kind: 'invitation',
        direction: 'dept_to_cp',
        subtype: 'meeting',
        title: '教育系统年度工作会议',
        startsAt: soon(5),
      })
    ).id;
    ids.invB = (
      await record(gongan, {
        departmentId: ids.gongan,
        counterpartIds: [ids.minge],
        kind: 'invitation',
        direction: 'dept_to_cp',
        subtype: 'inspection',
        title: '交通安全专项检查视察',
        startsAt: soon(6),
      })
    ).id;
    // each department's plan of the year, with one item in December (pending)
    for (const [c, dept, title] of [
      [jiaoyu, ids.jiaoyu, '教育局计划事项'],
      [gongan, ids.gongan, '公安局计划事项'],
    ] as const) {
      const res = await c.post('/api/v1/plans', {
        departmentId: dept,
        year,
        items: [{ kind: 'research', title, targetMonth: 12 }],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // an open 附件2 round with a deadline ahead: every unit owes its form
    const round = await tzb.post('/api/v1/filing-rounds', { year, deadline: addDays(today, 10) });
    expect(round.statusCode, round.body).toBe(200);
    ids.round = round.json().id;
    await runCycle(t.db, new Date());
  });
  afterAll(async () => t.close());

  it("holds exactly the department's own due items, none of another unit's", async () => {
    const { items } = await myWork(jiaoyu);
    expect(items.every((i) => i.organisation.id === ids.jiaoyu)).toBe(true);
    const byType = (type: string) => items.filter((i) => i.type === type);
    expect(byType('filing').map((i) => [i.dueDate, i.link])).toEqual([
      [addDays(today, 10), `/filings/${ids.round}/${ids.jiaoyu}`],
    ]);
    expect(byType('plan_item').map((i) => i.title)).toEqual(['计划事项：教育局计划事项']);
    expect(byType('symposium').map((i) => i.title)).toEqual([
      `${year}年对口联系工作座谈会（与民盟奉化支部）`,
    ]);
    expect(byType('plan')).toEqual([]); // the plan exists: met
    expect(byType('rsvp')).toEqual([]); // the department is the host, not an invitee
    const text = JSON.stringify(items);
    for (const foreign of ['公安', '交通安全', '民革']) expect(text).not.toContain(foreign);
    // sorted by due date, undated last
    const dates = items.map((i) => i.dueDate ?? '9999');
    expect(dates).toEqual([...dates].sort());
  });

  it("gives a counterpart its own invitations to answer and its pairs' symposia", async () => {
    const { items } = await myWork(minmeng);
    expect(items.every((i) => i.organisation.id === ids.minmeng)).toBe(true);
    expect(items.filter((i) => i.type === 'rsvp').map((i) => [i.title, i.link])).toEqual([
      ['回复邀请：教育系统年度工作会议', `/ledger/${ids.invA}`],
    ]);
    expect(items.filter((i) => i.type === 'filing')).toHaveLength(1);
    expect(items.filter((i) => i.type === 'symposium').length).toBeGreaterThan(0);
    expect(JSON.stringify(items)).not.toContain('交通安全');
    const other = await myWork(minge);
    expect(other.items.filter((i) => i.type === 'rsvp').map((i) => i.link)).toEqual([`/ledger/${ids.invB}`]);
    expect(JSON.stringify(other.items)).not.toContain('教育系统');
  });

  it('gives 统战部 the forms waiting for its review, and drops an answered item', async () => {
    const save = await jiaoyu.put(`/api/v1/filing-rounds/${ids.round}/filings/${ids.jiaoyu}`, {
      leader: { name: '王分管', position: '副局长', phone: '88001234' },
      liaison: { name: '李联络', position: '科长', phone: '88005678' },
    });
    expect(save.statusCode, save.body).toBe(200);
    const submit = await jiaoyu.post(`/api/v1/filing-rounds/${ids.round}/filings/${ids.jiaoyu}/submit`);
    expect(submit.statusCode, submit.body).toBe(200);
    const review = (await myWork(tzb)).items.filter((i) => i.type === 'filing_review');
    expect(review.map((i) => i.organisation.id)).toEqual([ids.jiaoyu]);
    expect((await myWork(jiaoyu)).items.filter((i) => i.type === 'filing')).toEqual([]);
    const reply = await minmeng.post(`/api/v1/ledger/${ids.invA}/reply`, {
      reply: 'attend',
      attendees: '张主委',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect((await myWork(minmeng)).items.filter((i) => i.type === 'rsvp')).toEqual([]);
  });

  it('tells what changed since the last visit of an earlier session; a reload keeps it, "mark all" clears it', async () => {
    const username = await makeUser(t.db, 'department', ids.gongan);
    const titles = (body: { changes: { items: { title: string }[] } }) =>
      body.changes.items.map((c) => c.title);
    // the first session: a first visit, then signed out
    const first = await login(t.app, username);
    const peek = await first.get('/api/v1/my-work');
    expect((await first.get('/api/v1/my-work')).json().changes.since).toBe(peek.json().changes.since); // a GET changes nothing
    const visit1 = await myWork(first);
    expect(visit1.changes.since).toBeNull();
    expect((await first.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const moved = await gongan.patch(`/api/v1/ledger/${ids.invB}`, { title: '交通安全专项检查视察（改期）' });
    expect(moved.statusCode, moved.body).toBe(200);

    // the next session shows what changed since the first one's visit — and again after a reload
    const second = await login(t.app, username);
    const visit2 = await myWork(second);
    expect(visit2.changes.since).toBe(visit1.generatedAt);
    expect(titles(visit2)).toContain('交通安全专项检查视察（改期）');
    const reload = await myWork(second);
    expect(reload.changes.since).toBe(visit1.generatedAt);
    expect(titles(reload)).toContain('交通安全专项检查视察（改期）');
    // another unit does not see it
    expect(titles(await myWork(jiaoyu))).not.toContain('交通安全专项检查视察（改期）');

    // 全部标为已读: the list is empty from then on in this session, a later change shows again
    const all = await second.post('/api/v1/my-work/seen', { at: reload.generatedAt, all: true });
    expect(all.statusCode, all.body).toBe(200);
    const cleared = await myWork(second);
    expect(cleared.changes.since).toBe(reload.generatedAt);
    expect(titles(cleared)).not.toContain('交通安全专项检查视察（改期）');
    await gongan.patch(`/api/v1/ledger/${ids.invB}`, { title: '交通安全专项检查视察（再次改期）' });
    const later = await myWork(second);
    expect(titles(later)).toEqual(['交通安全专项检查视察（再次改期）']);

    // a third session starts from the second one's last visit
    const third = await login(t.app, username);
    const visit3 = (await third.get('/api/v1/my-work')).json();
    expect(visit3.changes.since).toBe(later.generatedAt);
    expect(titles(visit3)).toEqual([]);
  });

  it('gives a unit the notices it has not read yet, until it marks them read', async () => {
    const notice = await record(jiaoyu, {
      departmentId: ids.jiaoyu,
      counterpartIds: [ids.minmeng],
      kind: 'notice',
      subtype: 'policy',
      title: '关于做好秋季开学工作的通知',
      startsAt: new Date().toISOString(),
    });
    const toRead = async () =>
      (await myWork(minmeng)).items.filter((i) => i.type === 'notice_unread').map((i) => [i.title, i.link]);
    expect(await toRead()).toEqual([
      ['阅知区教育局通报：关于做好秋季开学工作的通知', `/ledger/${notice.id}`],
    ]);
    expect((await myWork(minge)).items.filter((i) => i.type === 'notice_unread')).toEqual([]);
    const read = await minmeng.post(`/api/v1/ledger/${notice.id}/receipt`, { read: true });
    expect(read.statusCode, read.body).toBe(200);
    expect(await toRead()).toEqual([]);
  });

  it('gives 统战部 the overdue replies of its region to press (督办), and drops one once answered', async () => {
    const matter = await jiaoyu.post('/api/v1/consultations/matters', {
      departmentId: ids.jiaoyu,
      kind: 'policy',
      title: '学区调整方案',
      counterpartIds: [ids.minmeng],
    });
    expect(matter.statusCode, matter.body).toBe(200);
    const item = await minmeng.post(`/api/v1/consultations/matters/${matter.json().id}/items`, {
      source: 'written',
      text: '建议公开学区划分依据',
      receivedOn: '2025-03-03',
    });
    expect(item.statusCode, item.body).toBe(200);
    const id = item.json().item.id;
    const overdue = (await myWork(tzb)).items.filter((i) => i.type === 'suggestion_overdue');
    expect(overdue).toEqual([
      expect.objectContaining({
        title: '督办：区教育局逾期未答复民盟奉化支部的意见建议（学区调整方案）',
        link: `/consultations/items/${id}`,
        overdue: true,
        organisation: { id: ids.jiaoyu, name: '区教育局' },
      }),
    ]);
    // in English, the titles are English; only names and titles of records stay as entered
    const english = (await tzb.get('/api/v1/my-work', { 'accept-language': 'en' })).json() as {
      items: WorkItem[];
    };
    expect(english.items.find((i) => i.type === 'suggestion_overdue')?.title).toBe(
      'Press 区教育局: its reply to the suggestion of 民盟奉化支部 is overdue (学区调整方案)',
    );
    const names = /区教育局|民盟奉化支部|学区调整方案|区[^\s:：]*|[^\s]*支部|[^\s]*委会|[^\s]*总支部/gu;
    for (const i of english.items)
      expect(/[\u4e00-\u9fff]/u.test(i.title.replace(names, '')), i.title).toBe(false);
    // the department sees it as its own reply to give, not as one to press
    expect((await myWork(jiaoyu)).items.filter((i) => i.type === 'suggestion_overdue')).toEqual([]);
    const replied = await jiaoyu.post(`/api/v1/consultations/items/${id}/reply`, {
      replyClass: 'adopted',
      text: '已采纳',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect((await myWork(tzb)).items.filter((i) => i.type === 'suggestion_overdue')).toEqual([]);
  });

  it('is for the business roles only', async () => {
    const admin = await loginAs(t, 'sysadmin', '区委统战部');
    expect((await admin.get('/api/v1/my-work')).statusCode).toBe(403);
    const qfb = await loginAs(t, 'qfb', '区府办');
    expect((await qfb.get('/api/v1/my-work')).statusCode).toBe(200);
  });
});
