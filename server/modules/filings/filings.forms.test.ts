// One unit's 附件2 form: draft → submitted → returned → submitted → filed, and who may read, write and review it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate } from '../../../common/filings.js';
import { type Client, describeEachDialect, loginAs, orgId, type TestApp } from '../../test/helper.js';
import { type FilingsCast, FORBIDDEN, filingsCast, LEADER, LIAISON, NOT_FOUND } from './filings.fixtures.js';

describeEachDialect('filings: forms', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let qfb: Client;
  let other: FilingsCast['other'];
  let year: number;
  let roundId: number;
  let filingUrl: FilingsCast['filingUrl'];
  const today = localDate();

  beforeAll(async () => {
    ({ t, tzb, qfb, other, year, roundId, filingUrl } = await filingsCast(dialect, { round: true }));
  });
  afterAll(async () => t.close());

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
    expect(noReason.json().error.details).toMatchObject([{ field: 'reason', label: '理由' }]);
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
});
