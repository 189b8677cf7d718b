// 统战部's board of a round: changes since filing, the counts by status, late units and the reminders.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dayBefore, localDate } from '../../../common/filings.js';
import { roundWithDeadline } from '../../test/factories.js';
import { type Client, describeEachDialect, loginAs, orgId, type TestApp } from '../../test/helper.js';
import { type FilingsCast, FORBIDDEN, filingsCast, LEADER, LIAISON } from './filings.fixtures.js';

describeEachDialect('filings: board', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let qfb: Client;
  let roundId: number;
  let filingUrl: FilingsCast['filingUrl'];
  let fileForm: FilingsCast['fileForm'];
  const today = localDate();

  beforeAll(async () => {
    const cast = await filingsCast(dialect, { round: true });
    ({ t, tzb, qfb, roundId, filingUrl, fileForm } = cast);
    // the forms the form tests leave in the round
    await cast.formOf('区教育局', 'filed');
    await cast.formOf('区科技局', 'submitted');
  });
  afterAll(async () => t.close());

  it('after filing, replacing a person is a change report; the roster answers for any past day', async () => {
    const wenguangId = await orgId(t.db, '区文广旅体局');
    const wenguang = await loginAs(t, 'department', wenguangId);
    for (const [role, p] of [
      ['leader', LEADER],
      ['liaison', LIAISON],
    ] as const) {
      await wenguang.put(`/api/v1/roster/${wenguangId}/${role}`, {
        name: p.name,
        position: p.position,
        officePhone: role === 'liaison' ? p.phone : null,
        mobile: role === 'leader' ? p.phone : null,
        servedFrom: '2019-06-01',
      });
    }
    await fileForm(wenguang, wenguangId);
    const person = { name: '吴建华', position: '副局长', mobile: '13600001234', servedFrom: today };
    const noReason = await wenguang.put(`/api/v1/roster/${wenguangId}/leader`, person);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason');

    const changed = await wenguang.put(`/api/v1/roster/${wenguangId}/leader`, {
      ...person,
      reason: '工作调动',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().changeReports).toEqual([
      expect.objectContaining({
        organisation: { id: wenguangId, name: '区文广旅体局', kind: 'department' },
        role: 'leader',
        previous: { name: '陈志强', position: '副局长' },
        next: { name: '吴建华', position: '副局长' },
        effectiveDate: today,
        reason: '工作调动',
        status: 'reported',
        reportedBy: wenguang.username,
      }),
    ]);
    // the same person's new phone is no change of person: no report
    await wenguang.put(`/api/v1/roster/${wenguangId}/liaison`, {
      name: LIAISON.name,
      position: LIAISON.position,
      officePhone: '88900000',
      servedFrom: today,
    });
    expect((await tzb.get(`/api/v1/change-reports?organisationId=${wenguangId}`)).json().items).toHaveLength(
      1,
    );

    const yesterday = dayBefore(today);
    const past = (await tzb.get(`/api/v1/roster/${wenguangId}?date=${yesterday}`)).json();
    expect(past.inForce.leader).toMatchObject({
      name: '陈志强',
      servedFrom: '2019-06-01',
      servedTo: yesterday,
    });
    expect(past.inForce.liaison).toMatchObject({ name: '周丽华', officePhone: '8890****' });
    expect(past.filed).toBeNull(); // filed today: nothing was on file yesterday
    const now = (await tzb.get(`/api/v1/roster/${wenguangId}`)).json();
    expect(now.inForce.leader).toMatchObject({ name: '吴建华', mobile: '136****1234', servedTo: null });
    // the filed form is what was filed; it changes only through the change report
    expect(now.filed).toMatchObject({ leader: { name: '陈志强' }, liaison: { name: '周丽华' } });
    expect(
      now.history.filter((p: { role: string }) => p.role === 'leader').map((p: { name: string }) => p.name),
    ).toEqual(['吴建华', '陈志强']);

    const tzbInbox = (await tzb.get('/api/v1/notifications')).json().items;
    expect(tzbInbox).toEqual([
      expect.objectContaining({
        kind: 'change_report',
        title: '区文广旅体局分管领导变动',
        body: `陈志强 → 吴建华，自${today}起。原因：工作调动`,
      }),
    ]);

    const board = (await tzb.get(`/api/v1/filing-rounds/${roundId}/board`)).json();
    expect(board.changedSinceFiling).toEqual([{ id: wenguangId, name: '区文广旅体局', kind: 'department' }]);
    expect(
      board.units.find((u: { organisation: { id: number } }) => u.organisation.id === wenguangId),
    ).toMatchObject({ status: 'filed', changedSinceFiling: true, pendingChangeReports: 1 });

    const reportId = changed.json().changeReports[0].id;
    expect((await wenguang.post(`/api/v1/change-reports/${reportId}/acknowledge`, {})).statusCode).toBe(403);
    const ack = await tzb.post(`/api/v1/change-reports/${reportId}/acknowledge`, { note: '已更新名册' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: tzb.username,
      acknowledgeNote: '已更新名册',
    });
    const twice = await tzb.post(`/api/v1/change-reports/${reportId}/acknowledge`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CHANGE_ALREADY_ACKNOWLEDGED');
    const after = (await tzb.get(`/api/v1/filing-rounds/${roundId}/board`)).json();
    expect(
      after.units.find((u: { organisation: { id: number } }) => u.organisation.id === wenguangId),
    ).toMatchObject({ changedSinceFiling: true, pendingChangeReports: 0 });
  });

  it('counts the board: N of 31 filed (26 departments + 5 counterparts), by status', async () => {
    const board = await tzb.get(`/api/v1/filing-rounds/${roundId}/board`);
    expect(board.statusCode).toBe(200);
    const b = board.json();
    expect(b.total).toBe(31);
    expect(
      b.units.filter((u: { organisation: { kind: string } }) => u.organisation.kind === 'department'),
    ).toHaveLength(26);
    expect(b.filed).toBe(2); // 区教育局, 区文广旅体局
    expect(b.counts).toEqual({ not_started: 28, draft: 0, submitted: 1, returned: 0, filed: 2, late: 0 });
    expect(b.late).toEqual([]);
    // the board is 统战部's work list
    expect((await qfb.get(`/api/v1/filing-rounds/${roundId}/board`)).json()).toEqual(FORBIDDEN);
  });

  it('marks units late after the deadline, flags a late submission, and reminds each user once a day', async () => {
    // a year before the seed's list (2019): no pair in force, so no unit owes that round anything
    const before = await roundWithDeadline(t.db, tzb, 2018, '2018-06-05');
    const none = (await tzb.get(`/api/v1/filing-rounds/${before.id}/board`)).json();
    expect(none).toMatchObject({ total: 0, filed: 0, late: [], counts: { late: 0 } });
    const late = await roundWithDeadline(t.db, tzb, 2020, '2020-06-05');
    const board = (await tzb.get(`/api/v1/filing-rounds/${late.id}/board`)).json();
    expect(board).toMatchObject({ total: 31, filed: 0, counts: { late: 31, not_started: 0 } });

    const tongjiId = await orgId(t.db, '区统计局');
    const tongji = await loginAs(t, 'department', tongjiId);
    const submitted = await tongji.post(`${filingUrl(tongjiId, late.id)}/submit`, {
      leader: LEADER,
      liaison: LIAISON,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: false, submittedLate: true });
    expect(submitted.json().events.at(-1)).toMatchObject({
      action: 'submitted',
      note: '逾期报送 / submitted after the deadline',
    });
    const b2 = (await tzb.get(`/api/v1/filing-rounds/${late.id}/board`)).json();
    expect(b2.counts).toMatchObject({ late: 30, submitted: 1 });
    expect(b2.late).toHaveLength(30);
    expect(b2.late.some((u: { id: number }) => u.id === tongjiId)).toBe(false);
    expect(
      b2.units.find((u: { organisation: { id: number } }) => u.organisation.id === tongjiId),
    ).toMatchObject({
      status: 'submitted',
      submittedLate: true,
    });

    // 区水利局 has two accounts: each gets one reminder
    const shuiliId = await orgId(t.db, '区水利局');
    const shuili = await loginAs(t, 'department', shuiliId);
    const shuili2 = await loginAs(t, 'department', shuiliId);
    const lateIds = b2.late.map((u: { id: number }) => u.id);
    const users = await t.db
      .selectFrom('users')
      .select(['id', 'organisation_id'])
      .where('organisation_id', 'in', lateIds)
      .execute();
    const unitsWithUsers = new Set(users.map((u) => u.organisation_id));

    const first = await tzb.post(`/api/v1/filing-rounds/${late.id}/remind`);
    expect(first.statusCode).toBe(200);
    expect(first.json().units).toHaveLength(30);
    expect(first.json().notified).toBe(users.length);
    expect(first.json().alreadyNotified).toBe(0);
    expect(first.json().unitsWithoutUsers).toHaveLength(30 - unitsWithUsers.size);
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('kind', '=', 'filing_reminder')
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(users.length);

    const second = await tzb.post(`/api/v1/filing-rounds/${late.id}/remind`);
    expect(second.json()).toMatchObject({ notified: 0, alreadyNotified: users.length });
    expect(await count()).toBe(users.length);
    expect((await tongji.get('/api/v1/notifications')).json().items).toEqual([]);

    const inbox = (await shuili.get('/api/v1/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: 'filing_reminder',
        title: '请尽快报送2020年对口联系工作分管领导、联络员登记表',
        body: '区水利局的登记表应于2020-06-05前报区委统战部党派干部科，目前尚未报送。',
        link: `/filings/${late.id}/${shuiliId}`,
      }),
    ]);
    expect((await shuili2.get('/api/v1/notifications?unread=1')).json().items).toHaveLength(1);
    const id = inbox.items[0].id;
    expect((await shuili2.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await shuili.post(`/api/v1/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await shuili.get('/api/v1/notifications?unread=1')).json()).toEqual({ items: [], unread: 0 });
    expect((await shuili2.post('/api/v1/notifications/read-all')).json()).toEqual({ marked: 1 });

    const reminded = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after_json'])
      .where('action', '=', 'filing.remind')
      .orderBy('id')
      .execute();
    expect(reminded.map((r) => [r.entity_id, JSON.parse(r.after_json ?? '{}').notified])).toEqual([
      [String(late.id), users.length],
      [String(late.id), 0],
    ]);
    // the admins have no inbox of business notifications
    const sysadmin = await loginAs(t, 'sysadmin', '区委统战部');
    expect((await sysadmin.get('/api/v1/notifications')).statusCode).toBe(403);

    // a closed round takes no more forms and sends no reminders
    const closed = await tzb.post(`/api/v1/filing-rounds/${late.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await tzb.post(`/api/v1/filing-rounds/${late.id}/remind`)).statusCode).toBe(409);
    const afterClose = await shuili.post(`${filingUrl(shuiliId, late.id)}/submit`, {
      leader: LEADER,
      liaison: LIAISON,
    });
    expect(afterClose.statusCode).toBe(409);
    // the submitted form can still be reviewed
    expect((await tzb.post(`${filingUrl(tongjiId, late.id)}/file`, {})).json().status).toBe('filed');
  });
});
