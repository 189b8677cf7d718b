import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAndPrepare } from '../../boot.js';
import { loadConfig } from '../../config.js';
import { createTestDatabase } from '../../test/database.js';
import { buildTestApp, describeEachDialect, login, type TestApp } from '../../test/helper.js';
import { newSetupToken } from './setup.service.js';

const person = (username: string, displayName: string) => ({ username, displayName });
const request = (token: string, pairings: 'example' | 'own-notice') => ({
  token,
  locality: { province: '浙江省', city: '温州市', county: '鹿城区' },
  pairings,
  oversightName: '鹿城区委统战部',
  officeName: '鹿城区府办',
  accounts: {
    tzb: person('lc.tzb', '鹿城统战部'),
    sysadmin: person('lc.sys', '系统管理员'),
    secadmin: person('lc.sec', '安全管理员'),
    auditadmin: person('lc.audit', '审计管理员'),
  },
});

function cli(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'server/cli/main.ts', ...args],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout: String(stdout) }),
    );
  });
}

describeEachDialect('first-run setup in the browser', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: false });
  });
  afterAll(async () => t.close());
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object });

  it('on an empty database: a wrong token is refused; the right one names the locality and makes four accounts', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const token = await newSetupToken(t.db);
    const wrong = await post('/api/v1/setup', request('x'.repeat(32), 'own-notice'));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toEqual({
      code: 'SETUP_TOKEN_INVALID',
      message: '初始设置链接无效，请使用服务器启动时打印的链接',
    });
    expect((await post('/api/v1/setup/check', { token })).statusCode).toBe(200);

    const res = await post('/api/v1/setup', request(token, 'own-notice'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ id: expect.any(Number), name: '鹿城区' });
    expect(body.accounts.map((a: { role: string; username: string }) => `${a.role}:${a.username}`)).toEqual([
      'tzb:lc.tzb',
      'sysadmin:lc.sys',
      'secadmin:lc.sec',
      'auditadmin:lc.audit',
    ]);
    for (const a of body.accounts) expect(a.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const regions = await t.db
      .selectFrom('regions')
      .select(['name', 'level', 'path'])
      .orderBy('id')
      .execute();
    expect(regions.map((r) => `${r.level}:${r.name}`)).toEqual([
      'province:浙江省',
      'city:温州市',
      'county:鹿城区',
    ]);

    // nobody can sign in until the holder redeems the code; then the 统战部 imports its own notice
    const tzbCode = body.accounts[0].code;
    expect(
      (await post('/api/v1/activation/redeem', { code: tzbCode, newPassword: 'Lucheng-Tzb-2026' }))
        .statusCode,
    ).toBe(200);
    const tzb = await login(t.app, 'lc.tzb', 'Lucheng-Tzb-2026');
    const imported = await tzb.post('/api/v1/pairings/import', {
      text: '民盟鹿城总支：鹿城区教育局、鹿城区文广旅体局',
      validFrom: 2026,
      source: '鹿政发〔2026〕1号',
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().created).toBe(2);

    // once: the link is spent and setup is over
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const again = await post('/api/v1/setup', request(token, 'own-notice'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_COMPLETE');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'outcome']).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'setup.token', outcome: 'failed' },
        { action: 'setup.complete', outcome: 'ok' },
        { action: 'account.activate', outcome: 'ok' },
      ]),
    );
  });
});

describeEachDialect('first-run setup with the 奉化 2019 example', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: false });
  });
  afterAll(async () => t.close());

  it('loads the example district and its 2019 list', async () => {
    const token = await newSetupToken(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: request(token, 'example'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().region.name).toBe('奉化区');
    const code = res.json().accounts[0].code;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/activation/redeem',
      payload: { code, newPassword: 'Fenghua-Tzb-2026' },
    });
    const tzb = await login(t.app, 'lc.tzb', 'Fenghua-Tzb-2026');
    expect((await tzb.get('/api/v1/auth/me')).json().user.organisation.name).toBe('区委统战部');
    expect((await tzb.get('/api/v1/pairings?year=2019')).json().items).toHaveLength(26);
  });
});

describeEachDialect('start-up on an empty database, and admin accounts from the CLI', (dialect) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-setup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the server prints a setup link and creates nothing; with LIAISON_ADMIN_PASSWORD the scripted path is kept', async () => {
    const empty = await createTestDatabase(dialect, join(dir, 'a.db'));
    const lines: string[] = [];
    const handle = await openAndPrepare(loadConfig({ DATABASE_URL: empty.url }), (l) => lines.push(l), {
      setupInBrowser: true,
    });
    expect(lines.join('\n')).toMatch(/http:\/\/localhost:3000\/setup\?token=[\w-]{32}/);
    expect(lines.join('\n')).not.toMatch(/password/i);
    expect(await handle.db.selectFrom('users').select('id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('regions').select('id').execute()).toEqual([]);
    await handle.close();
    await empty.drop();

    const scripted = await createTestDatabase(dialect, join(dir, 'b.db'));
    const out: string[] = [];
    const h2 = await openAndPrepare(
      loadConfig({ DATABASE_URL: scripted.url, LIAISON_ADMIN_PASSWORD: 'Scripted-Admin-2026' }),
      (l) => out.push(l),
      { setupInBrowser: true },
    );
    expect(out).toContain('系统管理员 sysadmin was created with LIAISON_ADMIN_PASSWORD');
    expect((await h2.db.selectFrom('users').select('username').execute()).map((u) => u.username)).toEqual([
      'sysadmin',
    ]);
    await h2.close();
    await scripted.drop();
  });

  it('`liaison user create --activation-code` and `user reset` print a one-time code, audited', async () => {
    const db = await createTestDatabase(dialect, join(dir, 'c.db'));
    const boot = await openAndPrepare(
      loadConfig({ DATABASE_URL: db.url, LIAISON_ADMIN_PASSWORD: 'Cli-Admin-2026!' }),
      () => {},
    );
    await boot.close();
    const created = await cli(
      [
        'user',
        'create',
        '--username',
        'audit2',
        '--role',
        'auditadmin',
        '--org',
        '区委统战部',
        '--activation-code',
      ],
      db.url,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /created audit2\none-time code for audit2 .*\n {2}[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/,
    );
    const reset = await cli(['user', 'reset', '--username', 'sysadmin'], db.url);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/one-time code for sysadmin/);
    const h = await openAndPrepare(loadConfig({ DATABASE_URL: db.url }), () => {});
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'ip', 'actor_id'])
      .where('action', 'in', ['user.create', 'account.code.issue'])
      .orderBy('id')
      .execute();
    expect(audit.slice(-3)).toEqual([
      { action: 'user.create', ip: 'cli', actor_id: null },
      { action: 'account.code.issue', ip: 'cli', actor_id: null },
      { action: 'account.code.issue', ip: 'cli', actor_id: null },
    ]);
    const sysadmin = await h.db
      .selectFrom('users')
      .select('activation_pending')
      .where('username', '=', 'sysadmin')
      .executeTakeFirstOrThrow();
    expect(sysadmin.activation_pending).toBe(1);
    await h.close();
    await db.drop();
  }, 120_000);
});
