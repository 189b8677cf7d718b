import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOtherDistrict } from '../../test/factories.js';
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

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };
const UNAUTHENTICATED = { error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
const INVALID_CREDENTIALS = { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } };
const USER_KEYS = [
  'activationPending',
  'createdAt',
  'disabled',
  'displayName',
  'email',
  'id',
  'lastLoginAt',
  'lockedUntil',
  'mustChangePassword',
  'organisation',
  'role',
  'totpEnabled',
  'username',
];

describeEachDialect('users (系统管理员)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  const userId = async (username: string) =>
    (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const sessionsOf = async (username: string) =>
    (
      await t.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select('sessions.id')
        .where('users.username', '=', username)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, 'sysadmin', '区委统战部');
    other = await makeOtherDistrict(t.db);
  });
  afterAll(async () => t.close());

  it('lists the region’s users without any password hash or internal column', async () => {
    const dept = await makeUser(t.db, 'department', '区公安分局');
    const res = await admin.get('/api/v1/users');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining([admin.username, dept]),
    );
    for (const u of items) expect(Object.keys(u).sort()).toEqual(USER_KEYS);
    expect(res.body).not.toMatch(/scrypt|password_?hash|failed_?logins/i);
    const mine = items.find((u: { username: string }) => u.username === dept);
    expect(mine).toEqual({
      id: await userId(dept),
      username: dept,
      displayName: dept,
      role: 'department',
      organisation: { id: await orgId(t.db, '区公安分局'), name: '区公安分局' },
      email: null,
      disabled: false,
      mustChangePassword: false,
      activationPending: false,
      totpEnabled: false,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const byRole = (await admin.get('/api/v1/users?role=department')).json().items;
    expect(new Set(byRole.map((u: { role: string }) => u.role))).toEqual(new Set(['department']));
  });

  it('creates an account that waits for its holder: no password or code ever reaches the system admin', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'zhang.san',
      displayName: '张三',
      role: 'department',
      organisationId: await orgId(t.db, '区司法局'),
      email: 'zhangsan@example.org',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      user: {
        id: expect.any(Number),
        username: 'zhang.san',
        displayName: '张三',
        role: 'department',
        organisation: { id: await orgId(t.db, '区司法局'), name: '区司法局' },
        email: 'zhangsan@example.org',
        disabled: false,
        mustChangePassword: false,
        activationPending: true,
        totpEnabled: false,
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: expect.any(String),
      },
      // no SMTP configured here: the holder's 统战部 issues the code
      activation: 'unit-office',
    });
    expect(res.body).not.toMatch(/generatedPassword|"code"/);
    const row = await t.db
      .selectFrom('users')
      .select(['password_hash', 'activation_pending'])
      .where('username', '=', 'zhang.san')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.activation_pending).toBe(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('entity_id', '=', String(body.user.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_username).toBe(admin.username);

    // a password in the request is refused: nobody but the holder chooses one
    const chosen = await admin.post('/api/v1/users', {
      username: 'wang.wu',
      displayName: '王五',
      role: 'department',
      organisationId: await orgId(t.db, '区交通局'),
      password: 'Jiaotong-2026',
    });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().error.code).toBe('VALIDATION_FAILED');
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'wang.wu').execute()).toEqual(
      [],
    );
  });

  it('refuses a role that does not fit the organisation’s kind with 400, and stores nothing', async () => {
    const cases: [string, string, string][] = [
      ['department', '民革奉化区委会', '角色 department 与单位类别 counterpart 不符'],
      ['counterpart', '区公安分局', '角色 counterpart 与单位类别 department 不符'],
      ['tzb', '区府办', '角色 tzb 与单位类别 office 不符'],
      ['qfb', '区委统战部', '角色 qfb 与单位类别 oversight 不符'],
    ];
    for (const [role, org, detail] of cases) {
      const res = await admin.post('/api/v1/users', {
        username: `mismatch-${role}`,
        displayName: '错配',
        role,
        organisationId: await orgId(t.db, org),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'ROLE_ORGANISATION_MISMATCH', message: detail } });
    }
    expect(
      await t.db.selectFrom('users').select('id').where('username', 'like', 'mismatch-%').execute(),
    ).toEqual([]);

    // the same rule on an update: a department user cannot be moved into a counterpart
    const dept = await makeUser(t.db, 'department', '区公安分局');
    const moved = await admin.patch(`/api/v1/users/${await userId(dept)}`, {
      organisationId: await orgId(t.db, '民建奉化总支部'),
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toEqual({
      error: {
        code: 'ROLE_ORGANISATION_MISMATCH',
        message: '角色 department 与单位类别 counterpart 不符',
      },
    });
  });

  it('refuses a duplicate username with 409', async () => {
    const existing = await makeUser(t.db, 'counterpart', '民盟奉化支部');
    const before = await t.db.selectFrom('users').select('id').execute();
    const res = await admin.post('/api/v1/users', {
      username: existing,
      displayName: '重名',
      role: 'counterpart',
      organisationId: await orgId(t.db, '民盟奉化支部'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'CONFLICT', message: `与现有记录冲突：${existing}` } });
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('resets a password without learning one: sessions end, the old password stops working, 统战部 is told', async () => {
    const username = await makeUser(t.db, 'department', '区财政局');
    const first = await login(t.app, username);
    const second = await login(t.app, username);
    expect(await sessionsOf(username)).toBe(2);

    const res = await admin.post(`/api/v1/users/${await userId(username)}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username, activationPending: true },
      activation: 'unit-office',
    });
    expect(Object.keys(res.json()).sort()).toEqual(['activation', 'user']);
    expect(await sessionsOf(username)).toBe(0);
    for (const client of [first, second]) {
      const me = await client.get('/api/v1/auth/me');
      expect(me.statusCode).toBe(401);
      expect(me.json()).toEqual(UNAUTHENTICATED);
    }
    await expect(login(t.app, username, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('ends a disabled user’s sessions at once: their next request is 401 and they cannot sign in', async () => {
    const username = await makeUser(t.db, 'counterpart', '区工商联');
    const client = await login(t.app, username);
    expect((await client.get('/api/v1/pairings?year=2019')).statusCode).toBe(200);

    const res = await admin.patch(`/api/v1/users/${await userId(username)}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username, disabled: true });
    const next = await client.get('/api/v1/pairings?year=2019');
    expect(next.statusCode).toBe(401);
    expect(next.json()).toEqual(UNAUTHENTICATED);
    expect(await sessionsOf(username)).toBe(0);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json()).toEqual(INVALID_CREDENTIALS);

    // enabled again, the account signs in as before
    expect(
      (await admin.patch(`/api/v1/users/${await userId(username)}`, { disabled: false })).statusCode,
    ).toBe(200);
    await expect(login(t.app, username)).resolves.toBeTruthy();
  });

  it('ends all sessions of a user on request, and says how many in the audit trail', async () => {
    const username = await makeUser(t.db, 'qfb', '区府办');
    const a = await login(t.app, username);
    const b = await login(t.app, username);
    const id = await userId(username);
    const res = await admin.post(`/api/v1/users/${id}/end-sessions`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_username', 'detail'])
      .where('action', '=', 'user.sessions.end')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ actor_username: admin.username, detail: '2 sessions' }]);
    await expect(login(t.app, username)).resolves.toBeTruthy();
  });

  it('does not let the sysadmin disable itself, nor change any role (the security admin grants roles)', async () => {
    const me = await userId(admin.username);
    const disable = await admin.patch(`/api/v1/users/${me}`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().error.code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    const rerole = await admin.patch(`/api/v1/users/${me}`, { role: 'tzb' });
    expect(rerole.statusCode).toBe(400);
    const dept = await userId(await makeUser(t.db, 'department', '区公安分局'));
    const grant = await admin.post(`/api/v1/users/${dept}/role`, { role: 'tzb' });
    expect(grant.statusCode).toBe(403);
    expect(grant.json()).toEqual(FORBIDDEN);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('keeps the sysadmin out of business records and the audit trail (三员), but not the directory', async () => {
    const refused = [
      await admin.get('/api/v1/pairings?year=2019'),
      await admin.get('/api/v1/pairings/matrix?year=2019'),
      await admin.get('/api/v1/documents/pairing-list.xlsx?year=2019'),
      await admin.post('/api/v1/pairings', { counterpartId: 1, departmentId: 2, validFrom: 2020 }),
      await admin.get('/api/v1/audit'),
      await admin.get('/api/v1/audit/export.xlsx'),
      await admin.get('/api/v1/settings/security'),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(FORBIDDEN);
    }
    // placing a user needs the organisation directory: that much it reads
    expect((await admin.get('/api/v1/organisations')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/regions')).statusCode).toBe(200);
  });

  it('neither sees nor edits users of another region (404), and leaves them signed in', async () => {
    const foreigner = await makeUser(t.db, 'department', other.department.id);
    const foreignClient = await login(t.app, foreigner);
    const id = await userId(foreigner);
    const usernames = (await admin.get('/api/v1/users'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(usernames).not.toContain(foreigner);
    expect((await admin.get(`/api/v1/users?q=${foreigner}`)).json().items).toEqual([]);

    const responses = [
      await admin.patch(`/api/v1/users/${id}`, { disabled: true }),
      await admin.post(`/api/v1/users/${id}/reset-password`),
      await admin.post(`/api/v1/users/${id}/end-sessions`),
      await admin.post('/api/v1/users', {
        username: 'intruder',
        displayName: '越界',
        role: 'department',
        organisationId: other.department.id,
      }),
      // nor move a user of its own region into another region's organisation
      await admin.patch(`/api/v1/users/${await userId(await makeUser(t.db, 'department', '区审计局'))}`, {
        organisationId: other.department.id,
      }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND);
    }
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.disabled).toBe(0);
    expect(row.must_change_password).toBe(0);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'intruder').execute()).toEqual(
      [],
    );
    expect((await foreignClient.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
