import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { makeOrganisation } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { xlsxBase64 } from '../../test/xlsx-file.js';

const HEADER = ['单位', '联络员', '手机', '邮箱'];
type Row = {
  row: number | null;
  unit: string;
  action: string;
  problems: { code: string; message: string }[];
};

describeEachDialect('unit accounts (统战部): bulk creation, notices, hand-over', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  const activate = async (code: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/activation/redeem',
      payload: { code, newPassword: password },
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
  });
  afterAll(async () => t.close());

  it('names every bad row of an .xlsx and creates nothing until it is fixed', async () => {
    const bad = await xlsxBase64([
      HEADER,
      ['区司法局', '王五', '13912341219', 'wangwu@fh.example.cn'],
      ['区司法局', '王六', '13912341220', ''],
      ['区不存在局', '赵七', '0574-88951234', ''],
      ['区审计局', '', '1391234121', 'not-an-address'],
      ['区委统战部', '钱八', '0574-889512', ''],
      ['', '孙九', '', ''],
    ]);
    const usersBefore = await t.db.selectFrom('users').select('id').execute();
    const preview = await tzb.post('/api/v1/accounts/provision/preview', { source: 'xlsx', xlsxBase64: bad });
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().rows as Row[];
    const problemsOf = (n: number) => rows.find((r) => r.row === n)?.problems.map((p) => p.code);
    expect(rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'blocked'],
      [4, 'blocked'],
      [5, 'blocked'],
      [6, 'blocked'],
      [7, 'blocked'],
    ]);
    expect(problemsOf(3)).toEqual(['unit-duplicate']);
    expect(rows[1]?.problems[0]?.message).toBe('与第 2 行是同一单位');
    expect(problemsOf(4)).toEqual(['unit-unknown']);
    expect(problemsOf(5)).toEqual(['name-missing', 'phone-invalid', 'email-invalid']);
    expect(problemsOf(6)).toEqual(['unit-not-liaison', 'phone-invalid']);
    expect(problemsOf(7)).toEqual(['unit-missing', 'phone-missing']);
    expect(preview.json()).toMatchObject({ toCreate: 1, blocked: 5 });

    const refused = await tzb.post('/api/v1/accounts/provision', { source: 'xlsx', xlsxBase64: bad });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      error: { code: 'PROVISION_ROWS_INVALID', message: '有 5 行需要修改，未创建任何账号' },
    });
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
  });

  it('refuses a zip bomb disguised as an .xlsx before inflating it', async () => {
    // a stored-size-lying zip: one entry that inflates far beyond the limit
    const big = deflateRawSync(Buffer.alloc(120 * 1024 * 1024));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(big.length, 18);
    local.writeUInt32LE(1000, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(big.length, 20);
    central.writeUInt32LE(1000, 24);
    central.writeUInt16LE(name.length, 28);
    const body = Buffer.concat([local, name, big]);
    const dir = Buffer.concat([central, name]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(body.length, 16);
    const bomb = Buffer.concat([body, dir, end]).toString('base64');
    const res = await tzb.post('/api/v1/accounts/provision/preview', { source: 'xlsx', xlsxBase64: bomb });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('creates one 联络员 account per unit in one step, with one notice page each; the holder activates', async () => {
    const good = await xlsxBase64([
      HEADER,
      ['区司法局', '王五', '13912341219', ''],
      ['民盟奉化支部', '周九', '0574-88951234 转 801', ''],
      ['区审计局', '吴十', '139 1234 1221', 'wushi@fh.example.cn'],
    ]);
    const res = await tzb.post('/api/v1/accounts/provision', { source: 'xlsx', xlsxBase64: good });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created.map((c: { organisation: { name: string } }) => c.organisation.name)).toEqual([
      '区司法局',
      '民盟奉化支部',
      '区审计局',
    ]);
    // no SMTP here: nothing e-mailed, every code on the notices
    expect(body.emailed).toBe(0);
    const docx = Buffer.from(body.noticesDocxBase64, 'base64');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');
    for (const c of body.created) {
      expect(xml).toContain(c.code);
      expect(xml).toContain(c.username);
    }
    expect((xml?.match(/<w:sectPr/g) ?? []).length).toBe(3);
    expect(xml).toContain('仿宋');

    const roles = await t.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.role', 'organisations.name', 'users.activation_pending'])
      .where(
        'users.username',
        'in',
        body.created.map((c: { username: string }) => c.username),
      )
      .orderBy('users.id')
      .execute();
    expect(roles).toEqual([
      { role: 'department', name: '区司法局', activation_pending: 1 },
      { role: 'counterpart', name: '民盟奉化支部', activation_pending: 1 },
      { role: 'department', name: '区审计局', activation_pending: 1 },
    ]);
    const first = body.created[0];
    expect((await activate(first.code, 'Sifa-Wang-2026')).statusCode).toBe(200);
    const wang = await login(t.app, first.username, 'Sifa-Wang-2026');
    expect((await wang.get('/api/v1/auth/me')).json().user.organisation.name).toBe('区司法局');

    // again: the units have accounts now — nothing is created twice
    const again = (
      await tzb.post('/api/v1/accounts/provision/preview', { source: 'xlsx', xlsxBase64: good })
    ).json();
    expect(again.rows.map((r: Row) => r.action)).toEqual(['exists', 'exists', 'exists']);
    const list = (await tzb.get('/api/v1/accounts')).json().items;
    expect(
      list.find((u: { organisation: { name: string } }) => u.organisation.name === '区司法局').account,
    ).toMatchObject({
      username: first.username,
      status: 'active',
      holder: '王五',
    });
    expect(
      list.find((u: { organisation: { name: string } }) => u.organisation.name === '区审计局').account.status,
    ).toBe('pending');
  });

  it('hands an account over when the 联络员 changes: old sessions end, a fresh code, the history kept', async () => {
    const unit = await makeOrganisation(t.db, { name: '区档案馆', kind: 'department' });
    const sheet = await xlsxBase64([HEADER, ['区档案馆', '郑一', '13912340001', '']]);
    const created = (
      await tzb.post('/api/v1/accounts/provision', { source: 'xlsx', xlsxBase64: sheet })
    ).json().created[0];
    await activate(created.code, 'Dangan-Zheng-2026');
    const old = await login(t.app, created.username, 'Dangan-Zheng-2026');
    const put = (name: string) =>
      old.put(`/api/v1/roster/${unit.id}/liaison`, {
        name,
        position: '科员',
        servedFrom: '2026-01-05',
        mobile: '13912340001',
      });
    expect((await put('郑一')).statusCode).toBe(200);
    // the same holder: nothing to hand over
    expect((await tzb.get('/api/v1/accounts/handovers?status=proposed')).json().items).toEqual([]);
    expect((await put('冯二')).statusCode).toBe(200);
    const proposed = (await tzb.get('/api/v1/accounts/handovers?status=proposed')).json().items;
    expect(proposed).toEqual([
      expect.objectContaining({
        organisation: { id: unit.id, name: '区档案馆' },
        account: { id: created.userId, username: created.username },
        previousName: '郑一',
        nextName: '冯二',
        source: 'roster',
        status: 'proposed',
      }),
    ]);
    // the old holder still works until 统战部 accepts
    expect((await old.get('/api/v1/auth/me')).statusCode).toBe(200);

    const accepted = await tzb.post(`/api/v1/accounts/handovers/${proposed[0].id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      username: created.username,
      displayName: '冯二',
      delivery: 'shown',
    });
    expect((await old.get('/api/v1/auth/me')).statusCode).toBe(401);
    const oldSignIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: created.username, password: 'Dangan-Zheng-2026' },
    });
    expect(oldSignIn.statusCode).toBe(401);
    // the superseded first code is void; the fresh one opens the account for the new holder
    expect((await activate(created.code, 'Dangan-Again-2026')).statusCode).toBe(410);
    expect((await activate(accepted.json().code, 'Dangan-Feng-2026')).statusCode).toBe(200);
    await expect(login(t.app, created.username, 'Dangan-Feng-2026')).resolves.toBeTruthy();

    const history = (await tzb.get(`/api/v1/accounts/${created.userId}/holders`)).json().items;
    expect(history).toEqual([
      { name: '郑一', heldFrom: expect.any(String), heldTo: expect.any(String) },
      { name: '冯二', heldFrom: expect.any(String), heldTo: null },
    ]);
    expect(history[0].heldTo).toBe(history[1].heldFrom);
    // decided once
    expect((await tzb.post(`/api/v1/accounts/handovers/${proposed[0].id}/accept`, {})).statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'account.handover.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['account.handover.propose', 'account.handover.accept']);
  });

  it('proposes the hand-over from a filed 附件2 too, and 统战部 may decline it', async () => {
    const jiaotong = await orgId(t.db, '区交通局');
    const sheet = await xlsxBase64([HEADER, ['区交通局', '陈三', '13912340003', '']]);
    const created = (
      await tzb.post('/api/v1/accounts/provision', { source: 'xlsx', xlsxBase64: sheet })
    ).json().created[0];
    await activate(created.code, 'Jiaotong-Chen-2026');
    const unit = await login(t.app, created.username, 'Jiaotong-Chen-2026');
    const year = new Date().getUTCFullYear();
    const round = await tzb.post('/api/v1/filing-rounds', { year, deadline: `${year}-12-31` });
    expect(round.statusCode).toBe(200);
    const roundId = round.json().id;
    const fill = (liaison: string) =>
      unit.put(`/api/v1/filing-rounds/${roundId}/filings/${jiaotong}`, {
        leader: { name: '褚四', position: '副局长', phone: '13900000004' },
        liaison: { name: liaison, position: '科员', phone: '0574-88950005' },
      });
    expect((await fill('陈三')).statusCode).toBe(200);
    expect((await unit.post(`/api/v1/filing-rounds/${roundId}/filings/${jiaotong}/submit`)).statusCode).toBe(
      200,
    );
    expect(
      (await tzb.post(`/api/v1/filing-rounds/${roundId}/filings/${jiaotong}/file`, { note: '备案' }))
        .statusCode,
    ).toBe(200);
    // a new liaison in a later filing (change report path: the unit has filed)
    expect(
      (
        await unit.put(`/api/v1/roster/${jiaotong}/liaison`, {
          name: '卫五',
          position: '科员',
          servedFrom: shanghaiDate(new Date().toISOString()),
          mobile: '13912340005',
          reason: '工作调动',
        })
      ).statusCode,
    ).toBe(200);
    const proposed = (await tzb.get('/api/v1/accounts/handovers?status=proposed')).json().items;
    const mine = proposed.find((h: { organisation: { id: number } }) => h.organisation.id === jiaotong);
    expect(mine).toMatchObject({ previousName: '陈三', nextName: '卫五', source: 'change_report' });
    const declined = await tzb.post(`/api/v1/accounts/handovers/${mine.id}/decline`);
    expect(declined.json()).toMatchObject({ status: 'declined' });
    // declined: the holder keeps the account
    expect((await unit.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
