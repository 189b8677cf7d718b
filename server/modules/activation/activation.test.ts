import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  loginAs,
  makeUser,
  orgId,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/helper.js';
import { decodeMailBody } from '../../test/mail-body.js';
import { startSmtp, type TestSmtp } from '../mail/smtp.fixture.js';

const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/;

describeEachDialect('activation codes and the 三员 account rules', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let sysadmin: Client;
  let secadmin: Client;
  let auditadmin: Client;
  let tzb: Client;
  const userId = async (username: string) =>
    (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const publicPost = (url: string, payload: unknown, lang?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: lang ? { 'accept-language': lang } : {},
    });
  const auditActions = async (entityId: number) =>
    (
      await t.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'actor_username'])
        .where('entity_id', '=', String(entityId))
        .where('entity_type', '=', 'user')
        .orderBy('id')
        .execute()
    ).map((r) => `${r.action}:${r.outcome}:${r.actor_username ?? '-'}`);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await buildTestApp(dialect, { env: { LIAISON_SMTP_URL: smtp.url, LIAISON_ACTIVATION_HOURS: '72' } });
    sysadmin = await loginAs(t, 'sysadmin', '区委统战部');
    secadmin = await loginAs(t, 'secadmin', '区委统战部');
    auditadmin = await loginAs(t, 'auditadmin', '区委统战部');
    tzb = await loginAs(t, 'tzb', '区委统战部');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('an account without e-mail: 统战部 issues the code, the holder alone sets the password; reuse is refused', async () => {
    const created = await sysadmin.post('/api/v1/users', {
      username: 'li.si',
      displayName: '李四',
      role: 'department',
      organisationId: await orgId(t.db, '区司法局'),
    });
    expect(created.json().activation).toBe('unit-office');
    const id = created.json().user.id as number;
    // 统战部 was told; the system admin got neither password nor code
    const inbox = (await tzb.get('/api/v1/notifications')).json().items;
    expect(
      inbox.some(
        (n: { kind: string; title: string }) => n.kind === 'account_pending' && n.title.includes('li.si'),
      ),
    ).toBe(true);

    const issued = await tzb.post(`/api/v1/accounts/${id}/code`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({
      username: 'li.si',
      delivery: 'shown',
      code: expect.stringMatching(CODE),
    });
    const code: string = issued.json().code;
    const stored = await t.db.selectFrom('activation_codes').selectAll().where('user_id', '=', id).execute();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute())).not.toContain(code);

    const check = await publicPost('/api/v1/activation/check', {
      code: code.toLowerCase().replace(/-/g, ' '),
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      username: 'li.si',
      displayName: '李四',
      organisation: '区司法局',
      purpose: 'activation',
    });

    const weak = await publicPost('/api/v1/activation/redeem', { code, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const ok = await publicPost('/api/v1/activation/redeem', { code, newPassword: 'Sifa-Li-2026!' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ username: 'li.si' });
    const holder = await login(t.app, 'li.si', 'Sifa-Li-2026!');
    expect((await holder.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);

    const again = await publicPost('/api/v1/activation/redeem', { code, newPassword: 'Other-Pass-2026!' });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toEqual({
      error: {
        code: 'ACTIVATION_CODE_USED',
        message: '开通码已使用过，不能再次使用；如需重新设置密码，请联系统战部',
      },
    });
    const againEn = await publicPost('/api/v1/activation/check', { code }, 'en');
    expect(againEn.json().error.message).toBe(
      'The activation code was already used; ask the United Front Work Dept. for a new one',
    );
    expect(await auditActions(id)).toEqual([
      `user.create:ok:${sysadmin.username}`,
      `account.code.issue:ok:${tzb.username}`,
      'account.activate:ok:li.si',
      'auth.login:ok:li.si',
      'account.activate:failed:-',
      'account.code.check:failed:-',
    ]);
  });

  it('refuses an expired, a replaced and an unknown code with its own message', async () => {
    const username = await makeUser(t.db, 'counterpart', '民盟奉化支部');
    const id = await userId(username);
    const first = (await tzb.post(`/api/v1/accounts/${id}/code`)).json().code as string;
    const second = (await tzb.post(`/api/v1/accounts/${id}/code`)).json().code as string;
    const replaced = await publicPost('/api/v1/activation/check', { code: first });
    expect(replaced.statusCode).toBe(410);
    expect(replaced.json().error).toEqual({
      code: 'ACTIVATION_CODE_EXPIRED',
      message: '开通码已过期，请联系统战部重新生成',
    });

    await t.db
      .updateTable('activation_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const expired = await publicPost('/api/v1/activation/redeem', {
      code: second,
      newPassword: 'Late-Pass-2026!',
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('ACTIVATION_CODE_EXPIRED');
    // the old password still works: an expired code changed nothing
    await expect(login(t.app, username, TEST_PASSWORD)).resolves.toBeTruthy();

    const unknown = await publicPost('/api/v1/activation/redeem', {
      code: 'AAAA-BBBB-CCCC',
      newPassword: 'Guess-Pass-2026!',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({
      error: { code: 'ACTIVATION_CODE_INVALID', message: '开通码不正确，请核对后重新输入' },
    });
    const failures = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', 'in', ['account.activate', 'account.code.check'])
      .where('outcome', '=', 'failed')
      .execute();
    expect(failures.map((f) => f.detail)).toEqual(
      expect.arrayContaining(['ACTIVATION_CODE_EXPIRED', 'ACTIVATION_CODE_INVALID']),
    );
  });

  it('a reset with an e-mail address on file sends the code to the holder, not to the system admin', async () => {
    const username = await makeUser(t.db, 'department', '区财政局');
    const id = await userId(username);
    expect(
      (await sysadmin.patch(`/api/v1/users/${id}`, { email: 'caizheng@fh.example.cn' })).statusCode,
    ).toBe(200);
    const before = await login(t.app, username);
    const sentBefore = smtp.received.length;
    const reset = await sysadmin.post(`/api/v1/users/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().activation).toBe('email');
    expect(reset.body).not.toMatch(CODE);
    expect((await before.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, username, TEST_PASSWORD)).rejects.toThrow(/401/);

    expect(smtp.received.length).toBe(sentBefore + 1);
    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual(['caizheng@fh.example.cn']);
    expect(mail?.subject).toBe('【对口联系·重新设置密码】区财政局');
    const body = decodeMailBody(mail?.raw ?? '');
    const code = CODE.exec(body)?.[0] ?? '';
    expect(body).toContain(`/activate?code=${code}`);
    const redeemed = await publicPost('/api/v1/activation/redeem', {
      code,
      newPassword: 'Caizheng-New-2026',
    });
    expect(redeemed.statusCode).toBe(200);
    await expect(login(t.app, username, 'Caizheng-New-2026')).resolves.toBeTruthy();
  });

  it('roles are granted by the security admin, business roles only; admin accounts are the CLI’s', async () => {
    const username = await makeUser(t.db, 'department', '区教育局');
    const id = await userId(username);
    const counterpartOrg = await orgId(t.db, '民革奉化区委会');
    // the security admin grants; a role that does not fit the unit is refused
    expect((await secadmin.post(`/api/v1/users/${id}/role`, { role: 'counterpart' })).statusCode).toBe(400);
    const qfbUser = await userId(await makeUser(t.db, 'tzb', '区委统战部'));
    const granted = await secadmin.post(`/api/v1/users/${qfbUser}/role`, { role: 'tzb' });
    expect(granted.statusCode).toBe(200);
    expect(
      (await t.db.selectFrom('audit_log').select('action').where('action', '=', 'user.role.grant').execute())
        .length,
    ).toBe(1);

    const cliOnly = {
      error: { code: 'ADMIN_ACCOUNT_CLI_ONLY', message: '管理员账号只能在服务器上用命令行创建、提升或重置' },
    };
    const auditId = await userId(auditadmin.username);
    const secId = await userId(secadmin.username);
    const refused = [
      await secadmin.post(`/api/v1/users/${qfbUser}/role`, { role: 'sysadmin' }),
      await secadmin.post(`/api/v1/users/${auditId}/role`, { role: 'tzb' }),
      await sysadmin.post('/api/v1/users', {
        username: 'second.audit',
        displayName: '审计2',
        role: 'auditadmin',
        organisationId: await orgId(t.db, '区委统战部'),
      }),
      await sysadmin.post(`/api/v1/users/${auditId}/reset-password`),
      await sysadmin.post(`/api/v1/users/${secId}/reset-totp`),
      await sysadmin.patch(`/api/v1/users/${auditId}`, { disabled: true }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(cliOnly);
    }
    // 统战部 issues codes for business accounts only; the system admin issues none
    expect((await tzb.post(`/api/v1/accounts/${auditId}/code`)).statusCode).toBe(403);
    expect((await sysadmin.post(`/api/v1/accounts/${id}/code`)).statusCode).toBe(403);
    expect(counterpartOrg).toBeGreaterThan(0);
    expect(
      await t.db.selectFrom('users').select('id').where('username', '=', 'second.audit').execute(),
    ).toEqual([]);
    expect(
      (await t.db.selectFrom('users').select('role').where('id', '=', auditId).executeTakeFirstOrThrow())
        .role,
    ).toBe('auditadmin');

    // every admin action is in the audit admin's trail
    const trail = (await auditadmin.get('/api/v1/audit?pageSize=500')).json().items as {
      action: string;
      actor: string | null;
    }[];
    const actions = new Set(trail.map((e) => e.action));
    for (const a of [
      'user.create',
      'user.update',
      'user.password.reset',
      'user.role.grant',
      'account.code.issue',
    ])
      expect(actions, a).toContain(a);
  });

  it('limits code guessing per address: beyond the limit 429, audited once', async () => {
    const limited = await buildTestApp(dialect, { seed: false, env: { LIAISON_RATE_LOGIN_PER_IP: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/activation/redeem',
          payload: { code: `AAAA-BBBB-CCC${i + 2}`, newPassword: 'Guess-Pass-2026!' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429]);
      const rate = await limited.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'rate.limited')
        .execute();
      expect(rate).toEqual([{ detail: 'codes per address > 3/min' }]);
    } finally {
      await limited.close();
    }
  });
});
