// A wrong current password on /auth/password counts toward the lockout and is rate-limited; the calendar feed
// secret is revoked with the sessions (own password change, reset by the admin, "end all sessions").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const NEW_PASSWORD = 'Another-pass-2026';

describeEachDialect('password change and feed secrets', (dialect) => {
  let t: TestApp;
  let sysadmin: Client;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    sysadmin = await loginAs(t, 'sysadmin', '区委统战部');
  });
  afterAll(async () => t.close());

  const wrong = (c: Client) =>
    c.post('/api/v1/auth/password', { currentPassword: 'guess-123', newPassword: NEW_PASSWORD });

  it('counts a wrong current password toward the lockout: at the threshold the account locks and its sessions end', async () => {
    const username = await makeUser(t.db, 'counterpart', '民革奉化区委会');
    const client = await login(t.app, username);
    const other = await login(t.app, username);
    for (let i = 1; i <= 4; i++) expect((await wrong(client)).statusCode).toBe(401);
    const user = await t.db
      .selectFrom('users')
      .select(['failed_logins'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    expect(user.failed_logins).toBe(4);
    expect((await wrong(client)).statusCode).toBe(401);
    // locked: this session and the other one are over, and the right password does not sign in
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    const trail = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.password.change')
      .where('outcome', '=', 'failed')
      .where('actor_username', '=', username)
      .execute();
    expect(trail).toHaveLength(5);
    expect(trail.at(-1)?.detail).toMatch(/locked for/);
  });

  it('revokes the calendar feed secret on a password change, a reset and "end all sessions"', async () => {
    const username = await makeUser(t.db, 'department', '区教育局');
    const userId = (
      await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    ).id;
    let client = await login(t.app, username);
    const feed = async () => (await client.post('/api/v1/calendar/feed-token')).json().path as string;
    const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });

    let path = await feed();
    expect((await fetchFeed(path)).statusCode).toBe(200);
    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect((await fetchFeed(path)).statusCode).toBe(404);

    path = await feed();
    expect((await fetchFeed(path)).statusCode).toBe(200);
    expect((await sysadmin.post(`/api/v1/users/${userId}/end-sessions`)).statusCode).toBe(200);
    expect((await fetchFeed(path)).statusCode).toBe(404);

    client = await login(t.app, username, NEW_PASSWORD);
    path = await feed();
    expect((await fetchFeed(path)).statusCode).toBe(200);
    expect((await sysadmin.post(`/api/v1/users/${userId}/reset-password`)).statusCode).toBe(200);
    expect((await fetchFeed(path)).statusCode).toBe(404);
  });
});

describe('password change rate limit', () => {
  describeEachDialect('per account', (dialect) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect, { env: { LIAISON_RATE_LOGIN_PER_USER: '3' } });
    });
    afterAll(async () => t.close());

    it('answers 429 RATE_LIMITED beyond the per-account limit, before checking the password', async () => {
      // 3 a minute: the 4th wrong guess meets the limit before the lockout (5 failures) could
      const client = await loginAs(t, 'counterpart', '民革奉化区委会');
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (await client.post('/api/v1/auth/password', { currentPassword: 'x', newPassword: NEW_PASSWORD }))
            .statusCode,
        );
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
    });
  });
});
