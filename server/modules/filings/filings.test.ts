import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dayBefore, localDate } from '../../../common/filings.js';
import { chineseDate } from '../../documents/chinese-date.js';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

const LEADER = { name: '陈志强', position: '副局长', phone: '13905745678' };
const LIAISON = { name: '周丽华', position: '办公室主任', phone: '88901234' };

/** A deadline half a year ahead: the round is open and nobody is late yet. */
function futureDeadline(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 180);
  return localDate(d);
}

async function docxText(res: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

describeEachDialect('filings', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let qfb: Client;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  let deadline: string;
  let year: number;
  let roundId: number;
  const today = localDate();

  const filingUrl = (orgIdValue: number, round = roundId) =>
    `/api/v1/filing-rounds/${round}/filings/${orgIdValue}`;

  /** A unit's user fills and submits its form, and 统战部 files it. */
  async function fileForm(unit: Client, unitId: number, round = roundId) {
    const submitted = await unit.post(`${filingUrl(unitId, round)}/submit`, {
      leader: LEADER,
      liaison: LIAISON,
    });
    expect(submitted.statusCode).toBe(200);
    const filed = await tzb.post(`${filingUrl(unitId, round)}/file`, {});
    expect(filed.statusCode).toBe(200);
    return filed.json();
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    qfb = await loginAs(t, 'qfb', '区府办');
    other = await makeOtherDistrict(t.db);
    deadline = futureDeadline();
    year = Number(deadline.slice(0, 4));
  });
  afterAll(async () => t.close());

  it('opens a round with the seed form’s defaults; one open round per region and year; only 统战部', async () => {
    const res = await tzb.post('/api/v1/filing-rounds', { year, deadline });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      year,
      deadline,
      recipient: '区委统战部党派干部科',
      contactPerson: '邬锡明',
      contactPhone: '89294017',
      fax: '88522300',
      status: 'open',
      openedBy: tzb.username,
      closedAt: null,
    });
    roundId = res.json().id;

    const again = await tzb.post('/api/v1/filing-rounds', { year, deadline });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FILING_ROUND_OPEN');
    const badDate = await tzb.post('/api/v1/filing-rounds', { year: 2031, deadline: '2031-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('deadline');

    const dept = await loginAs(t, 'department', '区教育局');
    const byDept = await dept.post('/api/v1/filing-rounds', { year: 2032, deadline: '2032-06-05' });
    expect(byDept.statusCode).toBe(403);
    expect(byDept.json()).toEqual(FORBIDDEN);
    const mine = (await dept.get('/api/v1/filing-rounds')).json();
    expect(mine.abilities).toEqual({ canManage: false });
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: roundId,
        mine: { status: 'not_started', formStatus: 'not_started', submittedLate: false },
      }),
    ]);
    expect((await tzb.get('/api/v1/filing-rounds')).json().items[0].mine).toBeNull();

    const otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    expect((await otherTzb.get(`/api/v1/filing-rounds/${roundId}`)).statusCode).toBe(404);
    expect((await otherTzb.get('/api/v1/filing-rounds')).json().items).toEqual([]);
  });

  it('walks a form draft → submitted → returned → submitted → filed, and files its persons into the roster', async () => {
    const jiaoyuId = await orgId(t.db, '区教育局');
    const jiaoyu = await loginAs(t, 'department', jiaoyuId);
    const url = filingUrl(jiaoyuId);
    await jiaoyu.put(`/api/v1/roster/${jiaoyuId}/leader`, {
      name: LEADER.name,
      position: LEADER.position,
      mobile: LEADER.phone,
      servedFrom: '2019-06-01',
    });
    const leaderVersion = (await jiaoyu.get(`/api/v1/roster/${jiaoyuId}`)).json().inForce.leader.id;

    const fresh = (await jiaoyu.get(url)).json();
    expect(fresh).toMatchObject({
      id: null,
      status: 'not_started',
      formStatus: 'not_started',
      prefilled: true,
      leader: LEADER,
      liaison: { name: null, position: null, phone: null },
      phonesMasked: false,
      abilities: { canEdit: true, canSubmit: true, canReview: false, canReveal: false },
    });

    const draft = await jiaoyu.put(url, {
      leader: LEADER,
      liaison: { name: LIAISON.name, position: LIAISON.position },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', prefilled: false, liaison: { phone: null } });

    const incomplete = await jiaoyu.post(`${url}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error).toEqual({
      code: 'FILING_INCOMPLETE',
      message: '请填写：liaison.phone 联络员联系电话',
    });
    expect((await jiaoyu.get(url)).json().status).toBe('draft');

    await jiaoyu.put(url, { leader: LEADER, liaison: LIAISON });
    const submitted = await jiaoyu.post(`${url}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      late: false,
      submittedLate: false,
      abilities: { canEdit: false, canSubmit: false },
    });

    const editWhileSubmitted = await jiaoyu.put(url, { leader: LEADER, liaison: LIAISON });
    expect(editWhileSubmitted.statusCode).toBe(409);
    expect(editWhileSubmitted.json().error.code).toBe('FILING_AWAITING_REVIEW');

    const seen = (await tzb.get(url)).json();
    expect(seen).toMatchObject({
      status: 'submitted',
      phonesMasked: true,
      leader: { name: '陈志强', position: '副局长', phone: '139****5678' },
      liaison: { name: '周丽华', position: '办公室主任', phone: '8890****' },
      abilities: { canEdit: false, canReview: true, canReveal: true },
    });

    const noReason = await tzb.post(`${url}/return`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason');
    const returned = await tzb.post(`${url}/return`, { reason: '请加盖公章后重新报送' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请加盖公章后重新报送' });
    const inbox = (await jiaoyu.get('/api/v1/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: 'filing_returned',
        title: `${year}年对口联系工作分管领导、联络员登记表被退回`,
        body: '退回原因：请加盖公章后重新报送',
        link: `/filings/${roundId}/${jiaoyuId}`,
        readAt: null,
      }),
    ]);
    expect((await jiaoyu.get(url)).json().abilities.canEdit).toBe(true);

    const resubmitted = await jiaoyu.post(`${url}/submit`);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', returnReason: null });
    const filed = await tzb.post(`${url}/file`, { note: '已备案' });
    expect(filed.statusCode).toBe(200);
    expect(filed.json().status).toBe('filed');
    expect(filed.json().filedAt).not.toBeNull();
    expect(filed.json().events.map((e: { action: string }) => e.action)).toEqual([
      'saved',
      'saved',
      'submitted',
      'returned',
      'submitted',
      'filed',
    ]);

    // the roster now holds the filed persons: the leader was already there (same version), the liaison is new
    const roster = (await jiaoyu.get(`/api/v1/roster/${jiaoyuId}`)).json();
    expect(roster.inForce.leader).toMatchObject({ id: leaderVersion, name: '陈志强', source: 'roster' });
    expect(roster.inForce.liaison).toMatchObject({
      name: '周丽华',
      position: '办公室主任',
      officePhone: '88901234',
      mobile: null,
      servedFrom: today,
      servedTo: null,
      source: 'filing',
      filingId: filed.json().id,
    });
    expect(roster.filed).toMatchObject({ filingId: filed.json().id, year, leader: LEADER, liaison: LIAISON });

    // a filed form is closed: no edit, no resubmission, no second review
    const edit = await jiaoyu.put(url, { leader: LEADER, liaison: LIAISON });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('已备案');
    expect((await jiaoyu.post(`${url}/submit`)).statusCode).toBe(409);
    expect((await tzb.post(`${url}/return`, { reason: 'x' })).statusCode).toBe(409);
    expect((await tzb.post(`${url}/file`, {})).statusCode).toBe(409);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'filing')
      .where('entity_id', '=', String(filed.json().id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'filing.save',
      'filing.save',
      'filing.submit',
      'filing.return',
      'filing.submit',
      'filing.file',
    ]);
  });

  it('keeps each unit to its own form: another unit 404, reviewing its own 403, 区府办 reads masked', async () => {
    const kejiId = await orgId(t.db, '区科技局');
    const keji = await loginAs(t, 'department', kejiId);
    await keji.put(filingUrl(kejiId), { leader: LEADER, liaison: LIAISON });
    const caizheng = await loginAs(t, 'department', '区财政局');
    expect((await caizheng.get(filingUrl(kejiId))).json()).toEqual(NOT_FOUND);
    expect((await caizheng.put(filingUrl(kejiId), { leader: LEADER, liaison: LIAISON })).statusCode).toBe(
      404,
    );
    expect((await caizheng.post(`${filingUrl(kejiId)}/submit`)).statusCode).toBe(404);
    const minmeng = await loginAs(t, 'counterpart', '民盟奉化支部');
    expect((await minmeng.get(filingUrl(kejiId))).statusCode).toBe(404);

    await keji.post(`${filingUrl(kejiId)}/submit`);
    const ownReview = await keji.post(`${filingUrl(kejiId)}/file`, {});
    expect(ownReview.statusCode).toBe(403);
    expect(ownReview.json()).toEqual(FORBIDDEN);
    expect((await keji.post(`${filingUrl(kejiId)}/return`, { reason: 'x' })).statusCode).toBe(403);
    expect((await keji.get(`/api/v1/filing-rounds/${roundId}/board`)).statusCode).toBe(403);

    const byQfb = await qfb.get(filingUrl(kejiId));
    expect(byQfb.json()).toMatchObject({
      status: 'submitted',
      leader: { phone: '139****5678' },
      phonesMasked: true,
    });
    expect((await qfb.post(`${filingUrl(kejiId)}/file`, {})).statusCode).toBe(403);
    expect((await qfb.post(`${filingUrl(kejiId)}/reveal`, { reason: '核对' })).statusCode).toBe(403);

    const revealed = await tzb.post(`${filingUrl(kejiId)}/reveal`, { reason: '电话核实' });
    expect(revealed.json()).toMatchObject({ phonesMasked: false, leader: LEADER, liaison: LIAISON });
    const entry = await t.db
      .selectFrom('audit_log')
      .select(['entity_type', 'detail'])
      .where('action', '=', 'contacts.reveal')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ entity_type: 'filing', detail: '电话核实' });

    // a unit of another district is not in this round
    expect((await tzb.get(filingUrl(other.department.id))).statusCode).toBe(404);
    const stored = await t.db
      .selectFrom('filings')
      .select('status')
      .where('organisation_id', '=', kejiId)
      .execute();
    expect(stored).toEqual([{ status: 'submitted' }]);
  });

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
    const before = (await tzb.post('/api/v1/filing-rounds', { year: 2018, deadline: '2018-06-05' })).json();
    const none = (await tzb.get(`/api/v1/filing-rounds/${before.id}/board`)).json();
    expect(none).toMatchObject({ total: 0, filed: 0, late: [], counts: { late: 0 } });
    const late = (await tzb.post('/api/v1/filing-rounds', { year: 2020, deadline: '2020-06-05' })).json();
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

  it('prints 附件2 filled from the filing, with full phones for the unit and 统战部, and blank', async () => {
    const jiaoyuId = await orgId(t.db, '区教育局');
    const jiaoyu = await loginAs(t, 'department', jiaoyuId);
    const url = `/api/v1/documents/registration-form.docx?organisationId=${jiaoyuId}&year=${year}`;
    const filled = await jiaoyu.get(url);
    expect(filled.statusCode).toBe(200);
    expect(filled.headers['content-type']).toContain('wordprocessingml');
    expect(filled.headers['content-disposition']).toContain(
      encodeURIComponent(`${year}年对口联系工作分管领导、联络员登记表-区教育局.docx`),
    );
    const text = await docxText(filled);
    for (const s of [
      '附件2',
      '对口联系工作分管领导、联络员登记表',
      '单位名称（盖章）：区教育局',
      '分管领导陈志强副局长13905745678',
      '联络员周丽华办公室主任88901234',
      `注：此表请于${chineseDate(deadline)}前报区委统战部党派干部科`,
      '联系人：邬锡明；联系电话：89294017；传真：88522300',
    ]) {
      expect(text).toContain(s);
    }
    expect(await docxText(await tzb.get(url))).toContain('13905745678');
    const byQfb = await docxText(await qfb.get(url));
    expect(byQfb).toContain('139****5678');
    expect(byQfb).not.toContain('13905745678');

    const blank = await docxText(await jiaoyu.get(`${url}&blank=1`));
    expect(blank).toContain('对口联系工作分管领导、联络员登记表');
    expect(blank).toContain(`注：此表请于${chineseDate(deadline)}前报区委统战部党派干部科`);
    for (const s of ['陈志强', '周丽华', '13905745678', '区教育局']) expect(blank).not.toContain(s);
    expect(blank).toContain(`${year}年`);

    expect(
      (await jiaoyu.get(`/api/v1/documents/registration-form.docx?organisationId=${jiaoyuId}&year=2001`))
        .statusCode,
    ).toBe(404);
    const caizheng = await loginAs(t, 'department', '区财政局');
    expect((await caizheng.get(url)).statusCode).toBe(404);
    const exports = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'document.export')
      .where('entity_id', '=', 'registration-form.docx')
      .orderBy('id')
      .execute();
    expect(exports.map((e) => e.detail?.replace(/^.*phones=/, ''))).toEqual([
      'full',
      'full',
      'masked',
      'none',
    ]);

    // a blank 附件2 prints for any year, even one with no round: the year asked, the deadline left to fill in,
    // the office and contact of the region's latest round
    const blank2001 = await jiaoyu.get(
      `/api/v1/documents/registration-form.docx?organisationId=${jiaoyuId}&year=2001&blank=1`,
    );
    expect(blank2001.statusCode, blank2001.body).toBe(200);
    const text2001 = await docxText(blank2001);
    expect(text2001).toContain('2001年对口联系工作分管领导、联络员登记表'.slice(5));
    expect(text2001).toContain('注：此表请于2001年\u3000\u3000月\u3000\u3000日前报区委统战部党派干部科');
    expect(text2001).toContain('联系人：邬锡明；联系电话：89294017；传真：88522300');
    expect(text2001).toContain('2001年\u3000\u3000月\u3000\u3000日');
    for (const s of ['陈志强', '周丽华', '区教育局']) expect(text2001).not.toContain(s);
    expect(blank2001.headers['content-disposition']).toContain(
      encodeURIComponent('2001年对口联系工作分管领导、联络员登记表'),
    );
  });
});
