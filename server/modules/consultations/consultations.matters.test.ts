// A major matter: registered by its department, seen by whom it concerns (else 404), corrected, and its documents.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/shanghai-time.js';
import { makeOtherDistrict } from '../../test/factories.js';
import { type Client, describeEachDialect, loginAs, type TestApp } from '../../test/helper.js';
import {
  type ConsultationsCast,
  consultationsCast,
  FORBIDDEN,
  M,
  NOT_FOUND,
  ok,
  today,
} from './consultations.fixtures.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let ids: ConsultationsCast['ids'];
  let dept: Client; // 区教育局, paired with 民盟
  let cp: Client; // 民盟奉化支部
  let cp2: Client; // 民建奉化总支部 (not paired with 教育局; consulted when added)
  let outsider: Client; // 民革奉化区委会, never consulted here
  let otherDept: Client; // 区公安分局
  let tzb: Client;
  let qfb: Client;
  let matter: ConsultationsCast['matter'];
  let addItem: ConsultationsCast['addItem'];

  beforeAll(async () => {
    ({ t, ids, dept, cp, cp2, outsider, otherDept, tzb, qfb, matter, addItem } =
      await consultationsCast(dialect));
  });
  afterAll(async () => t.close());

  describe('a major matter', () => {
    it('is registered by its department, consulting its pairs in force by default, more if named', async () => {
      const m = await matter(dept, {
        summary: '调整城区学区划分',
        plannedDecisionDate: addDays(today(), 90),
      });
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
      const planned = addDays(today(), 180);
      const patched = await ok(dept.patch(`${M}/${m.id}`, { title: '定稿', plannedDecisionDate: planned }));
      expect(patched).toMatchObject({ title: '定稿', kind: 'policy', plannedDecisionDate: planned });
      // a planned decision already past, or years ahead, is refused and changes nothing
      for (const [date, code] of [
        ['2020-01-01', 'PLANNED_DATE_IN_PAST'],
        [addDays(today(), 3650), 'PLANNED_DATE_TOO_FAR'],
      ] as const) {
        const refused = await dept.patch(`${M}/${m.id}`, { plannedDecisionDate: date });
        expect(refused.statusCode, date).toBe(400);
        expect(refused.json().error.code).toBe(code);
      }
      expect((await ok(dept.get(`${M}/${m.id}`))).plannedDecisionDate).toBe(planned);
      const late = await dept.post(M, {
        departmentId: ids.jiaoyu,
        kind: 'policy',
        title: '补登的事项',
        plannedDecisionDate: '2020-01-01',
      });
      expect(late.json().error).toEqual({
        code: 'PLANNED_DATE_IN_PAST',
        message: '拟决策日期 2020-01-01 已过，请选择今天或以后的日期（已作出决策的，请登记决策）',
      });
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
});
