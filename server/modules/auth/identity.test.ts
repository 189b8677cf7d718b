// 身份鉴别 (GB/T 22239-2019 8.1.4.1) / ASVS V2, V3: the password policy, lockout, session lifetimes and the
// TOTP second factor, through the API on every engine.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES } from '../../../common/roles.js';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '../../../common/security-policy.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  loginAs,
  makeUser,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/helper.js';
import { totpCode } from './totp.js';

const INVALID_CREDENTIALS = { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } };
const TOTP_REQUIRED = { error: { code: 'TOTP_REQUIRED', message: '请输入动态验证码' } };

describeEachDialect('identity (身份鉴别)', (dialect) => {
  let t: TestApp;
  let secadmin: Client;
  let sysadmin: Client;
  const userId = async (username: string) =>
    (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const signIn = (username: string, password: string, totp?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: totp === undefined ? { username, password } : { username, password, totp },
    });
  const putPolicy = async (changes: Partial<SecurityPolicy>) => {
    const res = await secadmin.put('/api/v1/settings/security', { ...DEFAULT_SECURITY_POLICY, ...changes });
    expect(res.statusCode).toBe(200);
  };
  const lastAudit = async (action: string) =>
    t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    secadmin = await loginAs(t, 'secadmin', '区委统战部');
    sysadmin = await loginAs(t, 'sysadmin', '区委统战部');
    // the security admin has a second factor: it may require one of the admins (and is not locked out by it)
    const { secret } = (await secadmin.post('/api/v1/auth/totp/setup')).json();
    expect((await secadmin.post('/api/v1/auth/totp/enable', { code: totpCode(secret) })).statusCode).toBe(
      200,
    );
  });
  afterAll(async () => t.close());
  afterEach(async () => putPolicy({}));

  describe('password policy', () => {
    it('needs 8 characters of 3 classes by default, refuses the username inside it, each rule its own setting', async () => {
      const username = await makeUser(t.db, 'department', '区公安分局', { username: 'wangfang' });
      const client = await login(t.app, username);
      const change = (newPassword: string, currentPassword = TEST_PASSWORD) =>
        client.post('/api/v1/auth/password', { currentPassword, newPassword });
      const problems = async (pw: string) => {
        const res = await change(pw);
        expect(res.statusCode).toBe(422);
        return res.json().error.message as string;
      };
      // shorter than 8 is refused by the request schema itself
      expect((await change('Ab1-xyz')).statusCode).toBe(400);
      expect(await problems('abcdefgh1')).toContain('classes<3');
      expect(await problems('Xx-WangFang-9')).toContain('contains-username');
      await putPolicy({ passwordRejectUsername: false, passwordMinClasses: 2, passwordMinLength: 10 });
      expect(await problems('abcdefgh1')).toContain('length<10');
      const ok = await change('wangfang-2026');
      expect(ok.statusCode).toBe(200);
    });

    it('refuses any of the last 5 passwords (password_history), and forgets the older ones', async () => {
      const username = await makeUser(t.db, 'counterpart', '民革奉化区委会');
      let current = TEST_PASSWORD;
      const client = await login(t.app, username);
      const change = async (next: string) => {
        const res = await client.post('/api/v1/auth/password', {
          currentPassword: current,
          newPassword: next,
        });
        if (res.statusCode === 200) current = next;
        return res;
      };
      for (const pw of ['First-pass-01', 'Second-pass-02', 'Third-pass-03', 'Fourth-pass-04']) {
        expect((await change(pw)).statusCode).toBe(200);
      }
      // the initial password is 5 back (initial, 1, 2, 3, 4 = current): refused
      const reused = await change(TEST_PASSWORD);
      expect(reused.statusCode).toBe(422);
      expect(reused.json()).toEqual({
        error: { code: 'WEAK_PASSWORD', message: '密码不符合要求：reused<5' },
      });
      expect((await change('Second-pass-02')).json().error.message).toContain('reused<5');
      expect((await change('Fifth-pass-05')).statusCode).toBe(200);
      // now the initial one is 6 back: allowed again
      expect((await change(TEST_PASSWORD)).statusCode).toBe(200);
      const history = await t.db
        .selectFrom('password_history')
        .select('password_hash')
        .where('user_id', '=', await userId(username))
        .execute();
      expect(history).toHaveLength(7);
      expect(history.every((h) => h.password_hash.startsWith('scrypt$'))).toBe(true);
      // with the rule off, only "not the current one" is left
      await putPolicy({ passwordHistory: 0 });
      expect((await change('Fifth-pass-05')).statusCode).toBe(200);
    });

    it('makes an expired password (passwordMaxAgeDays) be changed at the next sign-in', async () => {
      const username = await makeUser(t.db, 'department', '区教育局');
      const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
      await t.db
        .updateTable('users')
        .set({ password_changed_at: old })
        .where('username', '=', username)
        .execute();
      // no expiry by default
      expect((await signIn(username, TEST_PASSWORD)).json().user.mustChangePassword).toBe(false);
      await putPolicy({ passwordMaxAgeDays: 30 });
      const client = await login(t.app, username);
      expect((await client.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
      const blocked = await client.get('/api/v1/pairings?year=2019');
      expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await lastAudit('auth.login')).detail).toBe('password; password expired');
      const changed = await client.post('/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Renewed-pass-2026',
      });
      expect(changed.json().user.mustChangePassword).toBe(false);
      expect((await client.get('/api/v1/pairings?year=2019')).statusCode).toBe(200);
    });
  });

  describe('lockout', () => {
    it('locks after 5 failures for 30 minutes, answering exactly as for an unknown account, and audits it', async () => {
      const username = await makeUser(t.db, 'department', '区司法局');
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await signIn(username, `wrong-${i}`));
      const locked = await signIn(username, TEST_PASSWORD);
      const unknown = await signIn(`ghost-${username}`, TEST_PASSWORD);
      for (const res of [...answers, locked, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual(INVALID_CREDENTIALS);
      }
      expect(locked.body).toBe(unknown.body);
      const row = await t.db
        .selectFrom('users')
        .select(['locked_until', 'failed_logins'])
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const minutes = (Date.parse(row.locked_until ?? '') - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(29);
      expect(minutes).toBeLessThanOrEqual(30);
      const lockout = await lastAudit('auth.lockout');
      expect(lockout).toMatchObject({ entity_id: String(await userId(username)), outcome: 'denied' });
      expect((await lastAudit('auth.login')).detail).toBe(`unknown-user: ghost-${username}`);
      // once the lock has passed, the right password works again
      await t.db
        .updateTable('users')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('username', '=', username)
        .execute();
      expect((await signIn(username, TEST_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('sessions', () => {
    it('ends a session after its absolute lifetime however active it is, and deletes it', async () => {
      const username = await makeUser(t.db, 'tzb', '区委统战部');
      const client = await login(t.app, username);
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
      await t.db
        .updateTable('sessions')
        .set({ created_at: new Date(Date.now() - 12 * 3600_000 - 60_000).toISOString() })
        .where('user_id', '=', await userId(username))
        .execute();
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
      const left = await t.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', await userId(username))
        .execute();
      expect(left).toEqual([]);
    });

    it('sets the session cookie HttpOnly, SameSite=Strict, path /, and Secure with LIAISON_TLS', async () => {
      const username = await makeUser(t.db, 'qfb', '区府办');
      const res = await signIn(username, TEST_PASSWORD);
      const cookie = res.cookies.find((c) => c.name === 'liaison_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.secure).toBeUndefined();
      expect(cookie?.value).toMatch(/^[\w-]{43}$/); // 256 random bits
      // the database holds only its sha256
      const stored = await t.db.selectFrom('sessions').select('id').execute();
      expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
    });
  });

  describe('TOTP second factor', () => {
    it('enrols (setup → enable with a code), then signs in only with a fresh code', async () => {
      const username = await makeUser(t.db, 'department', '区财政局');
      const client = await login(t.app, username);
      const setup = await client.post('/api/v1/auth/totp/setup');
      expect(setup.statusCode).toBe(200);
      const { secret, uri } = setup.json();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?/);
      expect(uri).toContain(`secret=${secret}`);
      expect(uri).toContain('period=30');
      // pending: sign-in does not need a code yet
      expect((await signIn(username, TEST_PASSWORD)).statusCode).toBe(200);

      const wrong = await client.post('/api/v1/auth/totp/enable', {
        code: '000000' === totpCode(secret) ? '111111' : '000000',
      });
      expect(wrong.statusCode).toBe(400);
      const enabled = await client.post('/api/v1/auth/totp/enable', { code: totpCode(secret) });
      expect(enabled.statusCode).toBe(200);
      expect(enabled.json().user).toMatchObject({ totpEnabled: true, mustEnrolTotp: false });
      expect((await client.post('/api/v1/auth/totp/setup')).statusCode).toBe(409);

      // the right password without a code: TOTP_REQUIRED; a wrong password: the usual answer (nothing revealed)
      expect((await signIn(username, TEST_PASSWORD)).json()).toEqual(TOTP_REQUIRED);
      expect((await signIn(username, 'not-the-password')).json()).toEqual(INVALID_CREDENTIALS);
      expect((await signIn(username, 'not-the-password', totpCode(secret))).json()).toEqual(
        INVALID_CREDENTIALS,
      );
      expect((await signIn(username, TEST_PASSWORD, '123')).json()).toEqual(INVALID_CREDENTIALS);
      // the enabling code was used: the next step's code signs in, once
      const next = totpCode(secret, Date.now() + 30_000);
      const ok = await signIn(username, TEST_PASSWORD, next);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user.totpEnabled).toBe(true);
      const replay = await signIn(username, TEST_PASSWORD, next);
      expect(replay.json()).toEqual(INVALID_CREDENTIALS);
      const logins = await t.db
        .selectFrom('audit_log')
        .select(['outcome', 'detail'])
        .where('action', '=', 'auth.login')
        .where((eb) => eb.or([eb('actor_username', '=', username), eb('detail', 'like', `%: ${username}`)]))
        .orderBy('id')
        .execute();
      expect(logins.map((l) => `${l.outcome} ${l.detail?.split(':')[0]}`)).toEqual([
        'ok password',
        'ok password',
        'failed totp-required',
        'failed bad-password',
        'failed bad-password',
        'failed bad-totp',
        'ok totp',
        'failed bad-totp',
      ]);
    });

    it('counts wrong codes toward the lockout', async () => {
      const username = await makeUser(t.db, 'department', '区民政局');
      const client = await login(t.app, username);
      const { secret } = (await client.post('/api/v1/auth/totp/setup')).json();
      await client.post('/api/v1/auth/totp/enable', { code: totpCode(secret) });
      for (let i = 0; i < 5; i++) await signIn(username, TEST_PASSWORD, '000000');
      expect((await signIn(username, TEST_PASSWORD, totpCode(secret, Date.now() + 30_000))).json()).toEqual(
        INVALID_CREDENTIALS,
      );
    });

    it('refuses to require TOTP of the admins from a security admin who has none', async () => {
      const bare = await loginAs(t, 'secadmin', '区委统战部');
      const res = await bare.put('/api/v1/settings/security', {
        ...DEFAULT_SECURITY_POLICY,
        totpRequiredForAdmins: true,
      });
      expect(res.statusCode).toBe(409);
      expect((await bare.get('/api/v1/settings/security')).json().totpRequiredForAdmins).toBe(false);
    });

    it('with totpRequiredForAdmins, an admin without TOTP may only enrol; other roles are unaffected', async () => {
      const admin = await makeUser(t.db, 'sysadmin', '区委统战部');
      const clerk = await makeUser(t.db, 'tzb', '区委统战部');
      await putPolicy({ totpRequiredForAdmins: true });
      const client = await login(t.app, admin);
      expect((await client.get('/api/v1/auth/me')).json().user).toMatchObject({
        totpEnabled: false,
        mustEnrolTotp: true,
      });
      const refused = await client.get('/api/v1/users');
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({
        error: { code: 'TOTP_ENROLMENT_REQUIRED', message: '请先绑定动态验证码（双因素认证）' },
      });
      expect((await lastAudit('access.denied')).detail).toMatch(/^TOTP_ENROLMENT_REQUIRED \//);
      expect((await (await login(t.app, clerk)).get('/api/v1/pairings?year=2019')).statusCode).toBe(200);

      const { secret } = (await client.post('/api/v1/auth/totp/setup')).json();
      const enabled = await client.post('/api/v1/auth/totp/enable', { code: totpCode(secret) });
      expect(enabled.json().user).toMatchObject({ totpEnabled: true, mustEnrolTotp: false });
      expect((await client.get('/api/v1/users')).statusCode).toBe(200);
      // and signs in with a code from now on
      expect((await signIn(admin, TEST_PASSWORD)).json()).toEqual(TOTP_REQUIRED);
    });

    it('lets the system admin reset a lost second factor (not its own), ending the sessions', async () => {
      const username = await makeUser(t.db, 'counterpart', '区工商联');
      const client = await login(t.app, username);
      const { secret } = (await client.post('/api/v1/auth/totp/setup')).json();
      await client.post('/api/v1/auth/totp/enable', { code: totpCode(secret) });
      const id = await userId(username);
      const listed = (await sysadmin.get(`/api/v1/users?q=${username}`)).json().items[0];
      expect(listed.totpEnabled).toBe(true);
      const reset = await sysadmin.post(`/api/v1/users/${id}/reset-totp`);
      expect(reset.statusCode).toBe(200);
      expect(reset.json()).toMatchObject({ username, totpEnabled: false });
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await signIn(username, TEST_PASSWORD)).statusCode).toBe(200);
      expect((await lastAudit('user.totp.reset')).entity_id).toBe(String(id));
      const own = await sysadmin.post(`/api/v1/users/${await userId(sysadmin.username)}/reset-totp`);
      expect(own.statusCode).toBe(409);
      // the security admin manages the policy, not accounts
      expect((await secadmin.post(`/api/v1/users/${id}/reset-totp`)).statusCode).toBe(403);
    });
  });
});

describe('the three admin roles (三员)', () => {
  // What each admin role exists for; anything else would be a business permission.
  const OWN: Record<string, readonly Permission[]> = {
    // notifications:admin: the state of e-mail deliveries (recipient, kind, error) — never a message's content
    sysadmin: ['users:read', 'users:write', 'settings:read', 'settings:write', 'notifications:admin'],
    // users:grant: the security admin grants business roles (三员: not the system admin)
    secadmin: ['security:read', 'security:write', 'users:grant'],
    auditadmin: ['audit:read'],
  };
  // Directory data the system admin needs to place a user in an organisation: not business records.
  const DIRECTORY: readonly Permission[] = ['regions:read', 'organisations:read'];

  it('grant no business permission, and none of another admin role’s', () => {
    for (const role of ADMIN_ROLES) {
      const extra = ROLE_PERMISSIONS[role].filter(
        (p) => !OWN[role]?.includes(p) && !(role === 'sysadmin' && DIRECTORY.includes(p)),
      );
      expect({ role, extra }).toEqual({ role, extra: [] });
      for (const other of ADMIN_ROLES.filter((r) => r !== role)) {
        const shared = ROLE_PERMISSIONS[role].filter((p) => OWN[other]?.includes(p));
        expect({ role, other, shared }).toEqual({ role, other, shared: [] });
      }
    }
    // and no business role holds an admin role's own permissions
    const adminOnly = new Set(Object.values(OWN).flat());
    for (const role of ROLES.filter((r) => !ADMIN_ROLES.includes(r))) {
      expect(ROLE_PERMISSIONS[role].filter((p) => adminOnly.has(p))).toEqual([]);
    }
    expect(PERMISSIONS).toEqual(expect.arrayContaining([...adminOnly]));
  });
});
