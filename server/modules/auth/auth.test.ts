import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildTestApp,
  describeEachDialect,
  login,
  makeUser,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/helper.js';

describeEachDialect('auth', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('logs in with an HttpOnly SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const username = await makeUser(t.db, 'tzb', '区委统战部');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'liaison_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user).toMatchObject({
      username,
      role: 'tzb',
      organisation: { name: '区委统战部', kind: 'oversight' },
    });
    expect(body.user.permissions).toContain('pairings:write');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('answers a wrong password and an unknown user with the same message, in the requested language', async () => {
    const username = await makeUser(t.db, 'department', '区公安分局');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ghost', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('locks an account after 5 failures without saying so, and the right password then fails too', async () => {
    const username = await makeUser(t.db, 'department', '区司法局');
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-one' },
      });
      expect(r.statusCode).toBe(401);
    }
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('needs a session for /me and ends it at logout', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const client = await login(t.app, await makeUser(t.db, 'qfb', '区府办'));
    expect((await client.get('/api/v1/auth/me')).json().user.role).toBe('qfb');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const client = await login(t.app, await makeUser(t.db, 'tzb', '区委统战部'));
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-csrf-token': '' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('forces a generated password to be changed before anything else, and checks the policy', async () => {
    const username = await makeUser(t.db, 'tzb', '区委统战部', { mustChangePassword: true });
    const client = await login(t.app, username);
    expect((await client.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/v1/pairings?year=2019');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const ok = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'New-Pass-2026',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    expect((await client.get('/api/v1/pairings?year=2019')).statusCode).toBe(200);
    await expect(login(t.app, username, 'New-Pass-2026')).resolves.toBeTruthy();
  });

  it('ends a session after the idle timeout', async () => {
    const client = await login(t.app, await makeUser(t.db, 'tzb', '区委统战部'));
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: old }).execute();
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('records logins, failures and logouts in the audit trail', async () => {
    const username = await makeUser(t.db, 'counterpart', '民革奉化区委会');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'bad-password' },
    });
    const client = await login(t.app, username);
    await client.post('/api/v1/auth/logout');
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_username', 'region_id'])
      .where('action', 'like', 'auth.%')
      .where((eb) => eb.or([eb('actor_username', '=', username), eb('detail', 'like', `%${username}`)]))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual([
      'auth.login:failed',
      'auth.login:ok',
      'auth.logout:ok',
    ]);
    // each entry belongs to the user's region, so another region's audit admin does not see it
    const region = await t.db
      .selectFrom('organisations')
      .select('region_id')
      .where('name', '=', '民革奉化区委会')
      .executeTakeFirstOrThrow();
    expect(rows.map((r) => r.region_id)).toEqual([region.region_id, region.region_id, region.region_id]);
  });
});
