import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { readXlsx } from '../../test/xlsx-file.js';

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

const ZHANG = { name: '张三', position: '局长', officePhone: '88951234', mobile: '13912341219' };
const LI = { name: '李四', position: '局长', officePhone: '0574-88950001', mobile: '13800001111' };

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? null);

describeEachDialect('roster', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let qfb: Client;
  let gongan: Client;
  let gonganId: number;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    qfb = await loginAs(t, 'qfb', '区府办');
    gonganId = await orgId(t.db, '区公安分局');
    gongan = await loginAs(t, 'department', gonganId);
    other = await makeOtherDistrict(t.db);
  });
  afterAll(async () => t.close());

  it('keeps versions: a new person closes the previous one the day before, nothing is overwritten', async () => {
    const first = await gongan.put(`/api/v1/roster/${gonganId}/principal`, {
      ...ZHANG,
      servedFrom: '2020-01-01',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().inForce.principal).toMatchObject({
      role: 'principal',
      ...ZHANG,
      servedFrom: '2020-01-01',
      servedTo: null,
      source: 'roster',
      filingId: null,
      recordedBy: gongan.username,
    });
    expect(first.json().phonesMasked).toBe(false);
    expect(first.json().abilities).toEqual({ canWrite: true, canReveal: false });

    // not filed yet: a change needs no reason and makes no change report
    const second = await gongan.put(`/api/v1/roster/${gonganId}/principal`, {
      ...LI,
      servedFrom: '2023-05-01',
    });
    expect(second.statusCode).toBe(200);
    expect(
      second
        .json()
        .history.map((p: { name: string; servedFrom: string; servedTo: string | null }) => [
          p.name,
          p.servedFrom,
          p.servedTo,
        ]),
    ).toEqual([
      ['李四', '2023-05-01', null],
      ['张三', '2020-01-01', '2023-04-30'],
    ]);
    expect(second.json().changeReports).toEqual([]);

    // the same values again: no new version
    const same = await gongan.put(`/api/v1/roster/${gonganId}/principal`, {
      ...LI,
      servedFrom: '2024-01-01',
    });
    expect(same.json().history).toHaveLength(2);

    // the past is not rewritten: a version may not start before the current one
    const backdated = await gongan.put(`/api/v1/roster/${gonganId}/principal`, {
      ...ZHANG,
      servedFrom: '2023-01-01',
    });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().error.code).toBe('SERVED_FROM_BEFORE_CURRENT');
    expect(backdated.json().error.message).toContain('2023-05-01');

    const before = (await gongan.get(`/api/v1/roster/${gonganId}?date=2023-04-30`)).json();
    expect(before.date).toBe('2023-04-30');
    expect(before.inForce.principal.name).toBe('张三');
    expect(
      (await gongan.get(`/api/v1/roster/${gonganId}?date=2023-05-01`)).json().inForce.principal.name,
    ).toBe('李四');
    expect((await gongan.get(`/api/v1/roster/${gonganId}?date=2019-12-31`)).json().inForce).toEqual({
      principal: null,
      leader: null,
      liaison: null,
    });

    const entries = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity_type', '=', 'responsible_person')
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { action: 'roster.update', actor_username: gongan.username },
      { action: 'roster.update', actor_username: gongan.username },
    ]);
    // the audit trail keeps the change, not the personal information: phones are masked there
    const firstEntry = await t.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_type', '=', 'responsible_person')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(firstEntry.after_json ?? '{}')).toMatchObject({
      name: '***',
      office_phone: '***',
      mobile: '***',
    });
  });

  it('validates input: dates that do not exist, phones that are not phones, an unknown role', async () => {
    const badDate = await gongan.put(`/api/v1/roster/${gonganId}/leader`, {
      ...ZHANG,
      servedFrom: '2023-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details).toMatchObject([{ field: 'servedFrom', label: '任职起始日期' }]);
    const badPhone = await gongan.put(`/api/v1/roster/${gonganId}/leader`, {
      ...ZHANG,
      mobile: 'call me',
      servedFrom: '2023-02-01',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details).toMatchObject([{ field: 'mobile', label: '手机' }]);
    // by Chinese rules: 12345 and a 10-digit mobile are refused, saying what a number looks like; nothing is stored
    const before = (await gongan.get(`/api/v1/roster/${gonganId}`)).body;
    for (const mobile of ['12345', '1380574123']) {
      const refused = await gongan.put(`/api/v1/roster/${gonganId}/leader`, {
        ...ZHANG,
        mobile,
        servedFrom: '2023-02-01',
      });
      expect(refused.statusCode, mobile).toBe(400);
      // named by its label, in one language only
      expect(refused.json().error.message).toContain('「手机」格式不正确：手机号为 1 开头的 11 位数字');
      expect(refused.json().error.message).not.toContain('a mobile is 11 digits');
    }
    expect((await gongan.get(`/api/v1/roster/${gonganId}`)).body).toBe(before);
    const badRole = await gongan.put(`/api/v1/roster/${gonganId}/boss`, {
      ...ZHANG,
      servedFrom: '2023-02-01',
    });
    expect(badRole.statusCode).toBe(400);
  });

  it('masks phones in list and detail for 统战部 and 区府办; the unit sees its own in full', async () => {
    const list = await tzb.get(`/api/v1/roster?organisationId=${gonganId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ canReveal: true });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        organisation: { id: gonganId, name: '区公安分局', kind: 'department' },
        phonesMasked: true,
        principal: expect.objectContaining({
          name: '李四',
          officePhone: '0574-8895****',
          mobile: '138****1111',
        }),
        leader: null,
        liaison: null,
      }),
    ]);
    const all = (await tzb.get('/api/v1/roster')).json().items;
    expect(all).toHaveLength(31);
    expect(all.some((i: { organisation: { id: number } }) => i.organisation.id === other.department.id)).toBe(
      false,
    );
    expect((await tzb.get('/api/v1/roster?kind=counterpart')).json().items).toHaveLength(5);

    const detail = (await qfb.get(`/api/v1/roster/${gonganId}`)).json();
    expect(detail.phonesMasked).toBe(true);
    expect(detail.abilities).toEqual({ canWrite: false, canReveal: false });
    expect(
      detail.history.map((p: { officePhone: string; mobile: string }) => [p.officePhone, p.mobile]),
    ).toEqual([
      ['0574-8895****', '138****1111'],
      ['8895****', '139****1219'],
    ]);

    const own = (await gongan.get('/api/v1/roster')).json().items;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      phonesMasked: false,
      principal: { officePhone: '0574-88950001', mobile: '13800001111' },
    });
  });

  it('reveals phones only with contacts:reveal and a reason, and records the reason', async () => {
    const res = await tzb.post(`/api/v1/roster/${gonganId}/reveal`, { reason: '核对联系方式' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phonesMasked).toBe(false);
    expect(res.json().inForce.principal).toMatchObject({
      officePhone: '0574-88950001',
      mobile: '13800001111',
    });
    const entry = await t.db
      .selectFrom('audit_log')
      .select(['actor_username', 'entity_type', 'entity_id', 'detail'])
      .where('action', '=', 'contacts.reveal')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      actor_username: tzb.username,
      entity_type: 'roster',
      entity_id: String(gonganId),
      detail: '核对联系方式',
    });

    const noReason = await tzb.post(`/api/v1/roster/${gonganId}/reveal`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toMatchObject([{ field: 'reason', label: '理由' }]);
    const byQfb = await qfb.post(`/api/v1/roster/${gonganId}/reveal`, { reason: '看看' });
    expect(byQfb.statusCode).toBe(403);
    expect(byQfb.json()).toEqual(FORBIDDEN);
    expect((await gongan.post(`/api/v1/roster/${gonganId}/reveal`, { reason: '自己' })).statusCode).toBe(403);
  });

  it('scopes: another unit’s roster is 404, only the unit writes its own, the admins see none', async () => {
    const caizheng = await loginAs(t, 'department', '区财政局');
    const read = await caizheng.get(`/api/v1/roster/${gonganId}`);
    expect(read.statusCode).toBe(404);
    expect(read.json()).toEqual(NOT_FOUND);
    const write = await caizheng.put(`/api/v1/roster/${gonganId}/leader`, {
      ...ZHANG,
      servedFrom: '2024-01-01',
    });
    expect(write.statusCode).toBe(404);
    expect((await caizheng.get(`/api/v1/roster?organisationId=${gonganId}`)).json().items).toEqual([]);

    const byTzb = await tzb.put(`/api/v1/roster/${gonganId}/leader`, { ...ZHANG, servedFrom: '2024-01-01' });
    expect(byTzb.statusCode).toBe(403);
    expect((await tzb.get(`/api/v1/roster/${other.department.id}`)).statusCode).toBe(404);
    expect((await tzb.get(`/api/v1/roster/${await orgId(t.db, '区府办')}`)).statusCode).toBe(404);

    const otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    expect((await otherTzb.get(`/api/v1/roster/${gonganId}`)).statusCode).toBe(404);
    for (const role of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      const admin = await loginAs(t, role, '区委统战部');
      expect((await admin.get('/api/v1/roster')).statusCode).toBe(403);
    }
    const leader = await t.db
      .selectFrom('responsible_persons')
      .select('id')
      .where('organisation_id', '=', gonganId)
      .where('role', '=', 'leader')
      .execute();
    expect(leader).toEqual([]);
  });

  it('exports roster.xlsx masked; full=1 needs contacts:reveal and a reason, and is recorded', async () => {
    const masked = await tzb.get('/api/v1/documents/roster.xlsx');
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-type']).toContain('spreadsheetml');
    const wb = await readXlsx(masked);
    const sheet = wb.getWorksheet('责任人名册') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(1 + 31 * 3);
    expect(rowValues(sheet, 1)).toEqual([
      '单位',
      '类别',
      '职责',
      '姓名',
      '职务',
      '办公电话',
      '手机',
      '任职起始',
      '任职截止',
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    expect(rows.find((r) => r[0] === '区公安分局' && r[2] === '主要负责人')).toEqual([
      '区公安分局',
      '政府部门',
      '主要负责人',
      '李四',
      '局长',
      '0574-8895****',
      '138****1111',
      new Date('2023-05-01T00:00:00.000Z'), // a date cell (Asia/Shanghai calendar date)
      null,
    ]);
    const history = wb.getWorksheet('历次变动') as ExcelJS.Worksheet;
    expect(history.rowCount).toBe(3);
    expect(JSON.stringify(history.getSheetValues())).not.toContain('13912341219');

    const byQfb = await qfb.get('/api/v1/documents/roster.xlsx?full=1&reason=x');
    expect(byQfb.statusCode).toBe(403);
    expect(byQfb.json()).toEqual(FORBIDDEN);
    const noReason = await tzb.get('/api/v1/documents/roster.xlsx?full=1');
    expect(noReason.statusCode).toBe(400);

    const full = await tzb.get(
      `/api/v1/documents/roster.xlsx?full=1&reason=${encodeURIComponent('年度核对')}`,
    );
    expect(full.statusCode).toBe(200);
    const fullSheet = (await readXlsx(full)).getWorksheet('责任人名册') as ExcelJS.Worksheet;
    const fullRows = Array.from({ length: fullSheet.rowCount - 1 }, (_, i) => rowValues(fullSheet, i + 2));
    expect(fullRows.find((r) => r[0] === '区公安分局' && r[2] === '主要负责人')?.slice(5, 7)).toEqual([
      '0574-88950001',
      '13800001111',
    ]);
    const reveals = await t.db
      .selectFrom('audit_log')
      .select(['actor_username', 'entity_id', 'detail'])
      .where('action', '=', 'contacts.reveal')
      .where('entity_type', '=', 'document')
      .execute();
    expect(reveals).toEqual([{ actor_username: tzb.username, entity_id: 'roster.xlsx', detail: '年度核对' }]);
    const exports = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'document.export')
      .where('entity_id', '=', 'roster.xlsx')
      .orderBy('id')
      .execute();
    expect(exports.map((e) => e.detail?.replace(/date=\S+; /, ''))).toEqual(['phones=masked', 'phones=full']);

    // the unit exports its own roster, in full, and nothing of anyone else's
    const own = await readXlsx(await gongan.get('/api/v1/documents/roster.xlsx'));
    const ownSheet = own.getWorksheet('责任人名册') as ExcelJS.Worksheet;
    expect(ownSheet.rowCount).toBe(4);
    expect(rowValues(ownSheet, 2).slice(0, 7)).toEqual([
      '区公安分局',
      '政府部门',
      '主要负责人',
      '李四',
      '局长',
      '0574-88950001',
      '13800001111',
    ]);
  });
});
