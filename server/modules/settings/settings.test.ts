import { afterAll, beforeAll, expect, it } from 'vitest';
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

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const UNAUTHENTICATED = { error: { code: 'UNAUTHENTICATED', message: '请先登录' } };

describeEachDialect('settings (安全管理员)', (dialect) => {
  let t: TestApp;
  let secadmin: Client;
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const userIdOf = async (username: string) =>
    (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  /** Pretend the user's sessions last did something `m` minutes ago. */
  const idleFor = async (username: string, m: number) =>
    t.db
      .updateTable('sessions')
      .set({ last_seen_at: minutesAgo(m) })
      .where('user_id', '=', await userIdOf(username))
      .execute();
  const putPolicy = async (changes: Partial<SecurityPolicy>) => {
    const res = await secadmin.put('/api/v1/settings/security', { ...DEFAULT_SECURITY_POLICY, ...changes });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    secadmin = await loginAs(t, 'secadmin', '区委统战部');
  });
  afterAll(async () => t.close());

  it('reads the policy in force (the defaults until one is stored)', async () => {
    const res = await secadmin.get('/api/v1/settings/security');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULT_SECURITY_POLICY);
  });

  it('writes a policy, reads it back, and audits the change with before/after', async () => {
    const policy: SecurityPolicy = {
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 8,
      passwordMinLength: 12,
      passwordMinClasses: 4,
      lockoutThreshold: 3,
      lockoutMinutes: 10,
      passwordRejectUsername: true,
      passwordHistory: 8,
      passwordMaxAgeDays: 90,
      totpRequiredForAdmins: false,
    };
    const res = await secadmin.put('/api/v1/settings/security', policy);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(policy);
    expect((await secadmin.get('/api/v1/settings/security')).json()).toEqual(policy);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings.security.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.actor_username).toBe(secadmin.username);
    expect(entry.entity_id).toBe('security.policy');
    expect(JSON.parse(entry.before_json ?? 'null')).toEqual(DEFAULT_SECURITY_POLICY);
    expect(JSON.parse(entry.after_json ?? 'null')).toEqual(policy);
  });

  it('keeps the rules a request leaves out (a client that predates them does not reset them)', async () => {
    await putPolicy({ passwordHistory: 12, passwordMaxAgeDays: 30 });
    const {
      passwordRejectUsername: _a,
      passwordHistory: _b,
      passwordMaxAgeDays: _c,
      totpRequiredForAdmins: _d,
      ...older
    } = DEFAULT_SECURITY_POLICY;
    const res = await secadmin.put('/api/v1/settings/security', { ...older, sessionIdleMinutes: 20 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...DEFAULT_SECURITY_POLICY,
      sessionIdleMinutes: 20,
      passwordHistory: 12,
      passwordMaxAgeDays: 30,
    });
    const bad = await secadmin.put('/api/v1/settings/security', {
      ...DEFAULT_SECURITY_POLICY,
      passwordHistory: 99,
    });
    expect(bad.statusCode).toBe(400);
    await putPolicy({});
  });

  it('validates the policy: passwordMinLength 4, a zero timeout or a missing rule → 400, nothing stored', async () => {
    const stored = await putPolicy({});
    const auditBefore = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'settings.security.update')
      .execute();
    const weak = await secadmin.put('/api/v1/settings/security', {
      ...DEFAULT_SECURITY_POLICY,
      passwordMinLength: 4,
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: '输入有误：「密码最小长度」不能小于8',
        details: [
          { field: 'passwordMinLength', label: '密码最小长度', message: '「密码最小长度」不能小于8' },
        ],
      },
    });
    const zero = await secadmin.put('/api/v1/settings/security', {
      ...DEFAULT_SECURITY_POLICY,
      sessionIdleMinutes: 0,
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.code).toBe('VALIDATION_FAILED');
    const { lockoutMinutes: _dropped, ...partial } = DEFAULT_SECURITY_POLICY;
    const missing = await secadmin.put('/api/v1/settings/security', partial);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('「锁定时长（分钟）」不能为空');
    expect((await secadmin.get('/api/v1/settings/security')).json()).toEqual(stored);
    const auditAfter = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'settings.security.update')
      .execute();
    expect(auditAfter).toHaveLength(auditBefore.length);
  });

  it('applies a lower idle timeout to sessions at once', async () => {
    await putPolicy({ sessionIdleMinutes: 30 });
    const idle = await makeUser(t.db, 'department', '区公安分局');
    const active = await makeUser(t.db, 'department', '区司法局');
    const idleClient = await login(t.app, idle);
    const activeClient = await login(t.app, active);
    await idleFor(idle, 10);
    expect((await idleClient.get('/api/v1/auth/me')).statusCode).toBe(200);

    await putPolicy({ sessionIdleMinutes: 5 });
    await idleFor(idle, 10);
    await idleFor(active, 3);
    const ended = await idleClient.get('/api/v1/auth/me');
    expect(ended.statusCode).toBe(401);
    expect(ended.json()).toEqual(UNAUTHENTICATED);
    expect((await activeClient.get('/api/v1/auth/me')).statusCode).toBe(200);
    // the expired session is gone, not merely refused
    const left = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', await userIdOf(idle))
      .execute();
    expect(left).toEqual([]);
    await putPolicy({});
  });

  it('applies a stricter password rule and a lower lockout threshold', async () => {
    await putPolicy({ passwordMinLength: 12, lockoutThreshold: 3 });
    const username = await makeUser(t.db, 'counterpart', '民革奉化区委会');
    const client = await login(t.app, username);
    const weak = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Abc-de-123',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toEqual({ error: { code: 'WEAK_PASSWORD', message: '密码不符合要求：length<12' } });

    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    await expect(login(t.app, username)).rejects.toThrow(/401/);
    await putPolicy({});
  });

  it('keeps the security admin out of business records, accounts and the audit trail (403)', async () => {
    const refused = [
      await secadmin.get('/api/v1/pairings?year=2019'),
      await secadmin.get('/api/v1/organisations'),
      await secadmin.get('/api/v1/users'),
      await secadmin.post('/api/v1/users', {}),
      await secadmin.get('/api/v1/audit'),
      await secadmin.get('/api/v1/audit/export.xlsx'),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(FORBIDDEN);
    }
  });

  it('lets no other role read or write the security policy', async () => {
    for (const [role, org] of [
      ['tzb', '区委统战部'],
      ['sysadmin', '区委统战部'],
      ['auditadmin', '区委统战部'],
      ['department', '区公安分局'],
    ] as const) {
      const client = await loginAs(t, role, org);
      for (const res of [
        await client.get('/api/v1/settings/security'),
        await client.put('/api/v1/settings/security', { ...DEFAULT_SECURITY_POLICY, sessionIdleMinutes: 1 }),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual(FORBIDDEN);
      }
    }
    expect((await secadmin.get('/api/v1/settings/security')).json()).toEqual(DEFAULT_SECURITY_POLICY);
  });
});
