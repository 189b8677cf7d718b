// Opinions on a matter and their life: entered with a due date, replied, rated, re-handled, extended, closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../common/working-days.js';
import { type Client, describeEachDialect, type TestApp } from '../../test/helper.js';
import {
  type ConsultationsCast,
  consultationsCast,
  FORBIDDEN,
  I,
  M,
  NOT_FOUND,
  ok,
  receivedFor,
  today,
} from './consultations.fixtures.js';

describeEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let ids: ConsultationsCast['ids'];
  let dept: Client; // 区教育局, paired with 民盟
  let cp: Client; // 民盟奉化支部
  let cp2: Client; // 民建奉化总支部 (not paired with 教育局; consulted when added)
  let outsider: Client; // 民革奉化区委会, never consulted here
  let tzb: Client;
  let qfb: Client;
  let matter: ConsultationsCast['matter'];
  let addItem: ConsultationsCast['addItem'];

  beforeAll(async () => {
    ({ t, ids, dept, cp, cp2, outsider, tzb, qfb, matter, addItem } = await consultationsCast(dialect));
  });
  afterAll(async () => t.close());

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
      expect(noReason.json().error.details).toMatchObject([{ field: 'reason', label: '理由' }]);
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
});
