import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { addWorkingDays, subtractWorkingDays } from '../../../common/working-days.js';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { insertPairing } from '../pairings/index.js';
import { consultationFigures } from './consultations.figures.js';

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const M = '/api/v1/consultations/matters';
const I = '/api/v1/consultations/items';

/** The calendar date in China now: what the services compare due dates with. */
const today = () => shanghaiDate(new Date().toISOString());

/** A receipt date whose default due date (15 working days later) is `due` (a working day). */
const receivedFor = (due: string) => subtractWorkingDays(due, 15);

/** The JSON of a 200 answer (anything else fails the test with the body). */
async function ok(res: Promise<LightMyRequestResponse>) {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  return r.json();
}

describeEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let ids: Record<'jiaoyu' | 'minmeng' | 'minjian' | 'minge' | 'caizheng' | 'gongan', number>;
  let dept: Client; // 区教育局, paired with 民盟
  let cp: Client; // 民盟奉化支部
  let cp2: Client; // 民建奉化总支部 (not paired with 教育局; consulted when added)
  let outsider: Client; // 民革奉化区委会, never consulted here
  let otherDept: Client; // 区公安分局
  let tzb: Client;
  let qfb: Client;

  const matter = (client: Client, body: Record<string, unknown>) =>
    ok(
      client.post(M, {
        departmentId: ids.jiaoyu,
        kind: 'policy',
        title: '义务教育阶段学区调整方案',
        ...body,
      }),
    );
  const addItem = (client: Client, matterId: number, body: Record<string, unknown>) =>
    ok(client.post(`${M}/${matterId}/items`, { source: 'written', text: '建议增加公示期', ...body }));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ids = {
      jiaoyu: await orgId(t.db, '区教育局'),
      minmeng: await orgId(t.db, '民盟奉化支部'),
      minjian: await orgId(t.db, '民建奉化总支部'),
      minge: await orgId(t.db, '民革奉化区委会'),
      caizheng: await orgId(t.db, '区财政局'),
      gongan: await orgId(t.db, '区公安分局'),
    };
    // 民建 is paired with 区教育局 from this year on (so it may be consulted); 民革 is not
    const district = await t.db
      .selectFrom('organisations')
      .select('region_id')
      .where('id', '=', ids.jiaoyu)
      .executeTakeFirstOrThrow();
    await insertPairing(t.db, {
      regionId: district.region_id,
      counterpartId: ids.minjian,
      departmentId: ids.jiaoyu,
      validFrom: Number(today().slice(0, 4)),
      validTo: null,
      source: null,
      shared: false,
    });
    dept = await loginAs(t, 'department', '区教育局');
    cp = await loginAs(t, 'counterpart', '民盟奉化支部');
    cp2 = await loginAs(t, 'counterpart', '民建奉化总支部');
    outsider = await loginAs(t, 'counterpart', '民革奉化区委会');
    otherDept = await loginAs(t, 'department', '区公安分局');
    tzb = await loginAs(t, 'tzb', '区委统战部');
    qfb = await loginAs(t, 'qfb', '区府办');
  });
  afterAll(async () => t.close());

  describe('a major matter', () => {
    it('is registered by its department, consulting its pairs in force by default, more if named', async () => {
      const m = await matter(dept, { summary: '调整城区学区划分', plannedDecisionDate: '2027-03-01' });
      expect(m).toMatchObject({
        kind: 'policy',
        title: '义务教育阶段学区调整方案',
        department: { id: ids.jiaoyu, name: '区教育局' },
        counterparts: expect.arrayContaining([
          expect.objectContaining({ id: ids.minmeng, name: '民盟奉化支部', paired: true, invitee: null }),
          expect.objectContaining({ id: ids.minjian, paired: true }),
        ]),
        symposium: { status: 'none', scheduledAt: null, heldAt: null, minutes: null },
        decidedAt: null,
        violation: false,
        itemCounts: { total: 0, open: 0, overdue: 0 },
        abilities: { canEdit: true, canSchedule: true, canDecide: true, canAddItem: true, canAttach: true },
      });
      const named = await matter(dept, { kind: 'project', counterpartIds: [ids.minmeng] });
      expect(named.counterparts.map((c: { id: number }) => c.id)).toEqual([ids.minmeng]);
      // a counterpart the department is not paired with cannot be invited into its consultation
      const unpaired = await dept.post(M, {
        departmentId: ids.jiaoyu,
        kind: 'policy',
        title: 'x',
        counterpartIds: [ids.minmeng, ids.minge],
      });
      expect(unpaired.statusCode).toBe(400);
      expect(unpaired.json().error.code).toBe('NOT_PAIRED');
      expect(unpaired.json().error.message).toContain('未与该部门对口联系');

      // a department is not a counterpart; a department registers only its own matters
      const notCp = await dept.post(M, {
        departmentId: ids.jiaoyu,
        kind: 'policy',
        title: 'x',
        counterpartIds: [ids.gongan],
      });
      expect(notCp.statusCode).toBe(400);
      expect((await dept.post(M, { departmentId: ids.gongan, kind: 'policy', title: 'x' })).json()).toEqual(
        FORBIDDEN,
      );
      // unknown kind → 400; counterparts and overseers do not register matters (403 at the door)
      expect((await dept.post(M, { departmentId: ids.jiaoyu, kind: 'other', title: 'x' })).statusCode).toBe(
        400,
      );
      for (const client of [cp, tzb, qfb]) {
        const res = await client.post(M, { departmentId: ids.jiaoyu, kind: 'policy', title: 'x' });
        expect(res.json()).toEqual(FORBIDDEN);
      }
    });

    it('is seen by its department, its counterparts and the overseers of the region only (else 404)', async () => {
      const m = await matter(dept, {
        title: '校外培训机构治理方案',
        counterpartIds: [ids.minmeng, ids.minjian],
      });
      for (const client of [dept, cp, cp2, tzb, qfb]) {
        expect((await client.get(`${M}/${m.id}`)).statusCode).toBe(200);
        const list = (await client.get(M)).json();
        expect(list.items.map((x: { id: number }) => x.id)).toContain(m.id);
      }
      for (const client of [outsider, otherDept]) {
        expect((await client.get(`${M}/${m.id}`)).json()).toEqual(NOT_FOUND);
        expect((await client.get(M)).json().items.map((x: { id: number }) => x.id)).not.toContain(m.id);
      }
      const other = await makeOtherDistrict(t.db);
      const otherTzb = await loginAs(t, 'tzb', other.oversight.id);
      expect((await otherTzb.get(`${M}/${m.id}`)).json()).toEqual(NOT_FOUND);
      for (const role of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
        const admin = await loginAs(t, role, '区委统战部');
        expect((await admin.get(M)).json()).toEqual(FORBIDDEN);
        expect((await admin.get(`${M}/${m.id}`)).json()).toEqual(FORBIDDEN);
      }
      // the counterparts see, but do not manage
      const seen = (await cp.get(`${M}/${m.id}`)).json();
      expect(seen.abilities).toEqual({
        canEdit: false,
        canSchedule: false,
        canHold: false,
        canRecordMinutes: false,
        canDecide: false,
        canAddItem: true,
        canAttach: false,
      });
      expect((await cp.patch(`${M}/${m.id}`, { title: '改' })).json()).toEqual(FORBIDDEN);
      expect((await tzb.get(`${M}/${m.id}`)).json().abilities.canAddItem).toBe(false);
    });

    it('is corrected by its department; a counterpart with opinions on it cannot be removed', async () => {
      const m = await matter(dept, { title: '初稿', counterpartIds: [ids.minmeng, ids.minjian] });
      const patched = await ok(
        dept.patch(`${M}/${m.id}`, { title: '定稿', plannedDecisionDate: '2027-06-30' }),
      );
      expect(patched).toMatchObject({ title: '定稿', kind: 'policy', plannedDecisionDate: '2027-06-30' });
      await addItem(cp2, m.id, { text: '民建的意见' });
      const blocked = await dept.patch(`${M}/${m.id}`, { counterpartIds: [ids.minmeng] });
      expect(blocked.json().error.code).toBe('COUNTERPART_HAS_ITEMS');
      // nor added later: 民革 is not paired with 区教育局
      const widened = await dept.patch(`${M}/${m.id}`, {
        counterpartIds: [ids.minmeng, ids.minjian, ids.minge],
      });
      expect(widened.statusCode).toBe(400);
      expect((await outsider.get(`${M}/${m.id}`)).statusCode).toBe(404);
      const narrowed = await ok(dept.patch(`${M}/${m.id}`, { counterpartIds: [ids.minmeng, ids.minjian] }));
      expect(narrowed.counterparts).toHaveLength(2);
    });

    it('keeps documents in the attachment store: the department uploads, the counterparts download', async () => {
      const m = await matter(dept, { title: '学区调整征求意见稿' });
      const up = await dept.post(`${M}/${m.id}/attachments`, {
        fileName: '征求意见稿.pdf',
        contentBase64: PDF.toString('base64'),
      });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({
        fileName: '征求意见稿.pdf',
        mime: 'application/pdf',
        size: PDF.length,
      });
      const a = up.json();
      const dl = await cp.get(`${M}/${m.id}/attachments/${a.id}`);
      expect(dl.statusCode).toBe(200);
      expect(Buffer.compare(dl.rawPayload, PDF)).toBe(0);
      expect((await outsider.get(`${M}/${m.id}/attachments/${a.id}`)).statusCode).toBe(404);
      const exe = await dept.post(`${M}/${m.id}/attachments`, {
        fileName: 'setup.exe',
        contentBase64: Buffer.from('MZ\x90\x00').toString('base64'),
      });
      expect(exe.statusCode).toBe(415);
      expect((await ok(dept.get(`${M}/${m.id}`))).attachments).toHaveLength(1);
      expect((await dept.delete(`${M}/${m.id}/attachments/${a.id}`)).statusCode).toBe(200);
      expect((await ok(dept.get(`${M}/${m.id}`))).attachments).toEqual([]);
      const content = await t.db
        .selectFrom('attachments')
        .select('sha256')
        .where('sha256', '=', a.sha256)
        .execute();
      expect(content).toEqual([]);
    });
  });

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

  describe('opinions, replies and verdicts', () => {
    let matterId: number;
    beforeAll(async () => {
      const m = await matter(dept, { title: '课后服务收费办法', counterpartIds: [ids.minmeng, ids.minjian] });
      matterId = m.id;
      await ok(dept.post(`${M}/${matterId}/symposium/held`, { heldAt: '2026-06-01T09:00:00+08:00' }));
    });

    it('takes items from the department (for a counterpart) and from the counterpart itself, each with its due date', async () => {
      const fromCp = await addItem(cp, matterId, { text: '建议对困难家庭减免' });
      expect(fromCp.item).toMatchObject({
        counterpart: { id: ids.minmeng, name: '民盟奉化支部' },
        enteredBy: { id: ids.minmeng },
        source: 'written',
        receivedOn: today(),
        dueDate: addWorkingDays(today(), 15),
        status: 'awaiting_reply',
        round: 1,
        latestReply: null,
        abilities: { canReply: false, canRate: false },
      });
      expect(fromCp.timeline).toEqual([expect.objectContaining({ action: 'created', round: 1 })]);
      // the department hears of it
      const deptInbox = (await ok(dept.get('/api/v1/notifications'))).items;
      expect(deptInbox[0]).toMatchObject({
        kind: 'consultation_item',
        link: `/consultations/items/${fromCp.item.id}`,
      });

      const atSymposium = await addItem(dept, matterId, {
        counterpartId: ids.minjian,
        source: 'symposium',
        text: '建议分档收费',
      });
      expect(atSymposium.item).toMatchObject({
        source: 'symposium',
        receivedOn: '2026-06-01',
        dueDate: addWorkingDays('2026-06-01', 15),
        enteredBy: { id: ids.jiaoyu },
      });
      // a counterpart speaks only for itself; only consulted counterparts; no future receipt
      expect(
        (
          await cp.post(`${M}/${matterId}/items`, {
            counterpartId: ids.minjian,
            source: 'written',
            text: 'x',
          })
        ).json(),
      ).toEqual(FORBIDDEN);
      expect(
        (
          await outsider.post(`${M}/${matterId}/items`, {
            counterpartId: ids.minge,
            source: 'written',
            text: 'x',
          })
        ).json(),
      ).toEqual(NOT_FOUND);
      expect(
        (
          await dept.post(`${M}/${matterId}/items`, {
            counterpartId: ids.minge,
            source: 'written',
            text: 'x',
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await dept.post(`${M}/${matterId}/items`, {
            counterpartId: ids.minmeng,
            source: 'written',
            text: 'x',
            receivedOn: '2099-01-01',
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await tzb.post(`${M}/${matterId}/items`, {
            counterpartId: ids.minmeng,
            source: 'written',
            text: 'x',
          })
        ).json(),
      ).toEqual(FORBIDDEN);
    });

    it('walks reply → not satisfied → 二次办理 → reply → satisfied → closed; forbidden moves are refused', async () => {
      const created = await addItem(cp, matterId, {
        text: '建议延长课后服务至18点',
        counterpartId: ids.minmeng,
      });
      const id = created.item.id;
      const url = `${I}/${id}`;

      // the internal analysis: the department's, never the counterparts'
      const analysed = await ok(dept.put(`${url}/analysis`, { analysis: '内部：师资不足，需财政支持' }));
      expect(analysed.item.analysis).toBe('内部：师资不足，需财政支持');
      expect(analysed.timeline.map((e: { action: string }) => e.action)).toEqual(['created', 'analysed']);

      // a counterpart cannot reply for the department; a reply of 暂不采纳 needs its reason
      expect((await cp.post(`${url}/reply`, { replyClass: 'adopted', text: '采纳' })).json()).toEqual(
        FORBIDDEN,
      );
      const noReason = await dept.post(`${url}/reply`, { replyClass: 'not_adopted', text: '暂不采纳' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.message).toContain('reason');
      // nothing to rate yet
      expect((await cp.post(`${url}/verdict`, { verdict: 'satisfied' })).json().error.code).toBe(
        'ITEM_NOT_REPLIED',
      );

      const replied = await ok(
        dept.post(`${url}/reply`, {
          replyClass: 'not_adopted',
          text: '经研究，暂不延长',
          reason: '师资和经费尚不具备条件',
          analysis: '内部：待明年预算',
        }),
      );
      expect(replied.item).toMatchObject({
        status: 'awaiting_verdict',
        dueState: null,
        workingDaysLeft: null,
      });
      expect(replied.rounds).toEqual([
        expect.objectContaining({
          round: 1,
          replyClass: 'not_adopted',
          reason: '师资和经费尚不具备条件',
          analysis: '内部：待明年预算',
          repliedOn: today(),
          dueDate: created.item.dueDate,
          onTime: true,
          verdict: null,
        }),
      ]);
      expect(
        (await dept.post(`${url}/reply`, { replyClass: 'adopted', text: '再答' })).json().error.code,
      ).toBe('ITEM_ALREADY_REPLIED');

      // the counterpart sees the reply but never the analysis; another counterpart sees the item, not the reply
      const own = await cp.get(url);
      expect(own.json().item).toMatchObject({
        repliesVisible: true,
        analysis: null,
        abilities: { canRate: true },
      });
      expect(own.json().rounds[0]).toMatchObject({ text: '经研究，暂不延长', analysis: null });
      expect(own.body).not.toContain('内部');
      const other = await cp2.get(url);
      expect(other.statusCode).toBe(200);
      expect(other.json()).toMatchObject({
        item: {
          text: '建议延长课后服务至18点',
          latestReply: null,
          repliesVisible: false,
          abilities: { canRate: false },
        },
        rounds: [],
        timeline: [],
      });
      expect(other.body).not.toContain('内部');
      expect(other.body).not.toContain('暂不延长');
      expect((await outsider.get(url)).json()).toEqual(NOT_FOUND);
      // the overseers see everything, analysis included
      expect((await ok(qfb.get(url))).rounds[0].analysis).toBe('内部：待明年预算');

      // a department cannot rate its own reply; another counterpart cannot rate this item
      expect((await dept.post(`${url}/verdict`, { verdict: 'satisfied' })).json()).toEqual(FORBIDDEN);
      expect((await cp2.post(`${url}/verdict`, { verdict: 'satisfied' })).json()).toEqual(FORBIDDEN);
      expect((await cp.post(`${url}/verdict`, { verdict: 'not_satisfied' })).statusCode).toBe(400); // say why

      const reopened = await ok(
        cp.post(`${url}/verdict`, { verdict: 'not_satisfied', comment: '可分校试点' }),
      );
      expect(reopened.item).toMatchObject({
        status: 'rehandling',
        round: 2,
        dueDate: addWorkingDays(today(), 15),
        dueState: 'on_track',
        latestReply: { round: 1, verdict: 'not_satisfied', verdictComment: '可分校试点' },
      });
      expect((await ok(dept.get(`${I}?status=rehandling`))).items.map((x: { id: number }) => x.id)).toContain(
        id,
      );

      const second = await ok(
        dept.post(`${url}/reply`, { replyClass: 'partly_adopted', text: '选两所学校试点延时服务' }),
      );
      expect(second.item).toMatchObject({ status: 'awaiting_verdict', round: 2 });
      expect(
        second.rounds.map((r: { round: number; replyClass: string }) => [r.round, r.replyClass]),
      ).toEqual([
        [1, 'not_adopted'],
        [2, 'partly_adopted'],
      ]);
      const closed = await ok(cp.post(`${url}/verdict`, { verdict: 'basically_satisfied' }));
      expect(closed.item).toMatchObject({ status: 'closed', dueState: null });
      expect(closed.item.closedAt).not.toBeNull();
      expect(closed.timeline.map((e: { action: string; round: number }) => `${e.action}:${e.round}`)).toEqual(
        [
          'created:1',
          'analysed:1',
          'replied:1',
          'verdict:1',
          'reopened:2',
          'replied:2',
          'verdict:2',
          'closed:2',
        ],
      );

      // a closed item cannot be edited
      for (const [client, path, body] of [
        [dept, 'reply', { replyClass: 'adopted', text: '再答' }],
        [dept, 'analysis', { analysis: '再分析' }],
        [dept, 'extension', { reason: '再延', days: 3 }],
        [cp, 'verdict', { verdict: 'satisfied' }],
        [tzb, 'close', { note: '再关' }],
      ] as const) {
        const res =
          path === 'analysis'
            ? await client.put(`${url}/${path}`, body)
            : await client.post(`${url}/${path}`, body);
        expect([path, res.statusCode, res.json().error.code]).toEqual([path, 409, 'ITEM_CLOSED']);
      }
      // every transition is audited
      const actions = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'consultation_item')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      expect(actions.map((a) => a.action)).toEqual([
        'consultation.item.create',
        'consultation.item.analyse',
        'consultation.item.reply',
        'consultation.item.verdict',
        'consultation.item.reply',
        'consultation.item.verdict',
      ]);
    });

    it('extension: granted moves the due date by working days, refused does not; one request at a time', async () => {
      const created = await addItem(cp, matterId, { text: '建议公开收费明细', receivedOn: '2025-09-26' });
      const id = created.item.id;
      const url = `${I}/${id}`;
      expect(created.item.dueDate).toBe('2025-10-23');
      expect(created.item.dueState).toBe('overdue');

      const asked = await ok(dept.post(`${url}/extension`, { reason: '需征求物价部门意见', days: 5 }));
      expect(asked.item.pendingExtension).toMatchObject({
        daysRequested: 5,
        status: 'requested',
        dueBefore: '2025-10-23',
      });
      expect(asked.item.abilities).toMatchObject({ canRequestExtension: false, canReply: true });
      expect((await dept.post(`${url}/extension`, { reason: '再申请', days: 5 })).json().error.code).toBe(
        'EXTENSION_PENDING',
      );
      expect((await dept.post(`${url}/extension/grant`, {})).json()).toEqual(FORBIDDEN);
      expect((await qfb.post(`${url}/extension/grant`, {})).json()).toEqual(FORBIDDEN);
      const tzbInbox = (await ok(tzb.get('/api/v1/notifications'))).items;
      expect(tzbInbox[0]).toMatchObject({
        kind: 'consultation_extension',
        link: `/consultations/items/${id}`,
      });
      expect((await ok(tzb.get(url))).item.abilities).toMatchObject({
        canDecideExtension: true,
        canClose: true,
      });

      const granted = await ok(tzb.post(`${url}/extension/grant`, { note: '同意' }));
      // 10-24, 27, 28, 29, 30
      expect(granted.item.dueDate).toBe('2025-10-30');
      expect(granted.item.pendingExtension).toBeNull();
      expect(granted.extensions).toEqual([
        expect.objectContaining({
          status: 'granted',
          daysGranted: 5,
          dueBefore: '2025-10-23',
          dueAfter: '2025-10-30',
        }),
      ]);
      expect((await tzb.post(`${url}/extension/grant`, {})).json().error.code).toBe('NO_EXTENSION_PENDING');

      await ok(dept.post(`${url}/extension`, { reason: '仍需时间', days: 10 }));
      const refused = await ok(tzb.post(`${url}/extension/refuse`, { note: '请按期答复' }));
      expect(refused.item.dueDate).toBe('2025-10-30');
      expect(refused.extensions.map((e: { status: string }) => e.status)).toEqual(['granted', 'refused']);
      expect(refused.timeline.map((e: { action: string }) => e.action)).toEqual([
        'created',
        'extension_requested',
        'extension_granted',
        'extension_requested',
        'extension_refused',
      ]);

      // a late reply is recorded as such; a pending request lapses with the reply
      await ok(dept.post(`${url}/extension`, { reason: '第三次', days: 2 }));
      const late = await ok(dept.post(`${url}/reply`, { replyClass: 'for_reference', text: '留作参考' }));
      expect(late.rounds[0]).toMatchObject({ onTime: false, dueDate: '2025-10-30' });
      expect(late.extensions.map((e: { status: string }) => e.status)).toEqual([
        'granted',
        'refused',
        'withdrawn',
      ]);
    });

    it('统战部 closes an item with a note; the lists filter by status', async () => {
      const dueSoon = await addItem(cp, matterId, {
        text: '即将到期',
        receivedOn: receivedFor(addWorkingDays(today(), 1)),
      });
      expect(dueSoon.item.dueState).toBe('due_soon');
      const overdue = await addItem(cp, matterId, { text: '早已逾期', receivedOn: '2025-03-03' });
      const fresh = await addItem(cp, matterId, { text: '新收到' });
      const toClose = await addItem(cp, matterId, { text: '将由统战部办结' });
      expect((await dept.post(`${I}/${toClose.item.id}/close`, { note: 'x' })).json()).toEqual(FORBIDDEN);
      const closed = await ok(tzb.post(`${I}/${toClose.item.id}/close`, { note: '事项已撤回，办结' }));
      expect(closed.item).toMatchObject({ status: 'closed', closeNote: '事项已撤回，办结' });

      const list = async (status: string) =>
        ((await ok(tzb.get(`${I}?matterId=${matterId}&status=${status}`))).items as { id: number }[]).map(
          (x) => x.id,
        );
      expect(await list('due_soon')).toEqual([dueSoon.item.id]);
      const overdueIds = await list('overdue');
      expect(overdueIds).toContain(overdue.item.id);
      expect(overdueIds).not.toContain(fresh.item.id);
      expect(await list('awaiting_reply')).toEqual(
        expect.arrayContaining([dueSoon.item.id, overdue.item.id, fresh.item.id]),
      );
      expect(await list('closed')).toContain(toClose.item.id);
      expect(await list('awaiting_verdict')).not.toContain(fresh.item.id);
      // the counterpart's list of the same matter: every item of it
      const cpIds = ((await ok(cp2.get(`${I}?matterId=${matterId}`))).items as { id: number }[]).map(
        (x) => x.id,
      );
      expect(cpIds).toEqual(expect.arrayContaining([dueSoon.item.id, overdue.item.id, fresh.item.id]));
      expect((await ok(outsider.get(`${I}?matterId=${matterId}`))).items).toEqual([]);
    });
  });

  describe('settings and figures', () => {
    it('统战部 sets the default working days of its region; new items count with it', async () => {
      expect(await ok(dept.get('/api/v1/consultations/settings'))).toMatchObject({
        replyWorkingDays: 15,
        reminderLeadDays: 3,
        customised: false,
        abilities: { canEdit: false },
      });
      expect(
        (
          await dept.put('/api/v1/consultations/settings', { replyWorkingDays: 5, reminderLeadDays: 1 })
        ).json(),
      ).toEqual(FORBIDDEN);
      expect(
        (await tzb.put('/api/v1/consultations/settings', { replyWorkingDays: 0, reminderLeadDays: 1 }))
          .statusCode,
      ).toBe(400);
      const set = await ok(
        tzb.put('/api/v1/consultations/settings', { replyWorkingDays: 10, reminderLeadDays: 2 }),
      );
      expect(set).toMatchObject({ replyWorkingDays: 10, reminderLeadDays: 2, customised: true });
      const m = await matter(dept, { title: '十天期限' });
      const item = await addItem(cp, m.id, { receivedOn: '2025-09-30' });
      // 10-9, 10, 11 (调休), 13, 14, 15, 16, 17, 20, 21
      expect(item.item.dueDate).toBe('2025-10-21');
      await ok(tzb.put('/api/v1/consultations/settings', { replyWorkingDays: 15, reminderLeadDays: 3 }));
    });

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
