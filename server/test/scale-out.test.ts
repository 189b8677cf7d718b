import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiDate } from '../../common/shanghai-time.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { connect, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { record } from '../modules/ledger/ledger.fixtures.js';
import { runSweep } from '../modules/sweep/index.js';
import { dueForReminders } from '../modules/sweep/sweep.fixtures.js';
import { runSweepWorker } from '../modules/sweep/sweep-worker.fixtures.js';
import { loadSeedPairingList } from '../seed/bootstrap.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { describeEachDialect, login, makeUser, orgId, TEST_PASSWORD } from './helper.js';

const withoutSmtp = (env: NodeJS.ProcessEnv) => {
  const { LIAISON_SMTP_URL: _smtp, ...rest } = env;
  return rest;
};

/** One instance of the sweep (sweep.worker.ts: its own process and connection), started at `startAt`. */
const sweepInstance = (url: string, startAt: number) =>
  runSweepWorker({ ...withoutSmtp(process.env), DATABASE_URL: url, LIAISON_TEST_START_AT: String(startAt) });

describeEachDialect('two app instances on one database', (dialect) => {
  let testDb: TestDatabase;
  let dir: string | null = null;
  const handles: DatabaseHandle[] = [];
  const apps: FastifyInstance[] = [];
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'liaison-scale-out-'));
      testDb = await createTestDatabase('sqlite', join(dir, 'shared.db'));
    } else {
      testDb = await createTestDatabase('postgres');
    }
    const config = loadConfig({
      DATABASE_URL: testDb.url,
      LIAISON_WEB_DIST: '/nonexistent',
      LIAISON_RATE_LOGIN_PER_IP: '100000',
      LIAISON_RATE_LOGIN_PER_USER: '100000',
    });
    for (let i = 0; i < 2; i++) {
      const handle = connect(testDb.url, { poolSize: 4 });
      handles.push(handle);
      if (i === 0) {
        await migrateToLatest(handle.db);
        await loadSeedPairingList(handle.db);
      }
      const app = await buildApp({ config, database: handle });
      await app.ready();
      apps.push(app);
    }
    [a, b] = apps as [FastifyInstance, FastifyInstance];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const h of handles) await h.close();
    await testDb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const as = (app: FastifyInstance, cookie: string, csrf: string) => (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { liaison_session: cookie },
      headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) },
    });

  it('a session made on A is honoured on B, and ended on B it is gone on A', async () => {
    const db = (handles[0] as DatabaseHandle).db;
    const username = await makeUser(db, 'department', '区教育局');
    const res = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'liaison_session')?.value as string;
    const { csrfToken } = res.json() as { csrfToken: string };
    const onB = as(b, cookie, csrfToken);
    const me = await onB({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ user: { username } });
    expect((await onB({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBeLessThan(300);
    expect((await as(a, cookie, csrfToken)({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  // Each instance caches sessions and actors (server/plugins/auth.ts) for one value of the sign-in epoch, which
  // database triggers raise: a change made through A — or by plain SQL — is honoured by B at its next request.
  it('a change to a session or an account made on A is honoured by B at its very next request', {
    timeout: 120_000,
  }, async () => {
    const db = (handles[0] as DatabaseHandle).db;
    const idOf = async (username: string) =>
      (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id;
    const sysadmin = await login(a, await makeUser(db, 'sysadmin', '区委统战部'));
    const signedInOnB = async (username: string) => {
      const res = await b.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'liaison_session')?.value as string;
      const onB = as(b, cookie, (res.json() as { csrfToken: string }).csrfToken);
      // B has read (and cached) the session and its actor
      for (let i = 0; i < 2; i++)
        expect((await onB({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
      return { cookie, onB };
    };
    const me = (onB: ReturnType<typeof as>) => onB({ method: 'GET', url: '/api/v1/auth/me' });

    // signed out on A (the same session)
    const out = await makeUser(db, 'department', '区教育局');
    const s1 = await signedInOnB(out);
    const onA = as(a, s1.cookie, (await me(s1.onB)).json().csrfToken);
    expect((await onA({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBeLessThan(300);
    expect((await me(s1.onB)).statusCode).toBe(401);

    // password reset on A
    const reset = await makeUser(db, 'department', '区教育局');
    const s2 = await signedInOnB(reset);
    expect((await sysadmin.post(`/api/v1/users/${await idOf(reset)}/reset-password`)).statusCode).toBe(200);
    expect((await me(s2.onB)).statusCode).toBe(401);

    // disabled on A
    const disabled = await makeUser(db, 'counterpart', '民盟奉化支部');
    const s3 = await signedInOnB(disabled);
    expect(
      (await sysadmin.patch(`/api/v1/users/${await idOf(disabled)}`, { disabled: true })).statusCode,
    ).toBe(200);
    expect((await me(s3.onB)).statusCode).toBe(401);

    // a new role and organisation, as the CLI or an operator would set them in the database: B answers with
    // the new role's rights at once (a business role follows its organisation's kind, so the API moves both)
    const promoted = await makeUser(db, 'qfb', '区府办');
    const s4 = await signedInOnB(promoted);
    expect((await me(s4.onB)).json()).toMatchObject({ user: { role: 'qfb' } });
    await db
      .updateTable('users')
      .set({ role: 'tzb', organisation_id: await orgId(db, '区委统战部') })
      .where('username', '=', promoted)
      .execute();
    expect((await me(s4.onB)).json()).toMatchObject({
      user: { role: 'tzb', organisation: { name: '区委统战部' } },
    });

    // a new display name on A, the session kept: B shows it
    const renamed = await makeUser(db, 'department', '区教育局');
    const s5 = await signedInOnB(renamed);
    const patch = await sysadmin.patch(`/api/v1/users/${await idOf(renamed)}`, { displayName: '改名后' });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await me(s5.onB)).json()).toMatchObject({ user: { displayName: '改名后' } });

    // disabled by plain SQL, past the app: B honours it too
    const bySql = await makeUser(db, 'department', '区教育局');
    const s6 = await signedInOnB(bySql);
    await db.updateTable('users').set({ disabled: 1 }).where('username', '=', bySql).execute();
    expect((await me(s6.onB)).statusCode).toBe(401);
  });

  it('what is written on A is read on B: the record, its search row, the pair ledger', async () => {
    const db = (handles[0] as DatabaseHandle).db;
    const jiaoyu = await orgId(db, '区教育局');
    const minmeng = await orgId(db, '民盟奉化支部');
    const deptOnA = await login(a, await makeUser(db, 'department', '区教育局'));
    const created = (await record(deptOnA, {
      departmentId: jiaoyu,
      counterpartIds: [minmeng],
      kind: 'notice',
      subtype: 'policy',
      title: '横向扩展测试通报',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    })) as { id: number; year: number };
    const tzbOnB = await login(b, await makeUser(db, 'tzb', '区委统战部'));
    const one = await tzbOnB.get(`/api/v1/ledger/${created.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ title: '横向扩展测试通报' });
    const list = await tzbOnB.get(
      `/api/v1/ledger?year=${created.year}&departmentId=${jiaoyu}&counterpartId=${minmeng}`,
    );
    expect((list.json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(created.id);
    const found = await tzbOnB.get(`/api/v1/search?q=${encodeURIComponent('横向扩展')}`);
    expect((found.json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(created.id);
  });

  it('the sweep run by both instances at once sends each reminder once', { timeout: 120_000 }, async () => {
    const db = (handles[0] as DatabaseHandle).db;
    const today = shanghaiDate(new Date().toISOString());
    const _year = Number(today.slice(0, 4));
    const jiaoyu = await orgId(db, '区教育局');
    const minmeng = await orgId(db, '民盟奉化支部');
    const dept = await login(a, await makeUser(db, 'department', '区教育局'));
    await makeUser(db, 'counterpart', '民盟奉化支部');
    const tzb = await login(b, await makeUser(db, 'tzb', '区委统战部'));
    await dueForReminders({ jiaoyu, minmeng }, dept, tzb, '扩展测试务虚会');
    // what entering the records told people already (an invitation reaches its invitee at once) is not the sweep's
    const before = await db.selectFrom('notifications').select('id').execute();

    // two instances, each its own process and connection (two connections of one process to one SQLite
    // file would wait on each other's lock inside one event loop), sweeping at the same instant
    const startAt = Date.now() + 4_000;
    const runs = await Promise.all([sweepInstance(testDb.url, startAt), sweepInstance(testDb.url, startAt)]);
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const results = runs.map(
      (r) =>
        JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}') as {
          sweep: { notified: Record<string, number>; errors: string[] };
        },
    );
    for (const r of results) expect(r.sweep.errors).toEqual([]);

    const notifications = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'title', 'dedupe_key'])
      .execute();
    const kinds = new Set(notifications.map((n) => n.kind));
    for (const k of ['rsvp_reminder', 'plan_item_overdue', 'deadline_reminder'])
      expect(kinds, k).toContain(k);
    expect(new Set(notifications.map((n) => n.dedupe_key)).size).toBe(notifications.length);
    expect(new Set(notifications.map((n) => `${n.user_id}|${n.kind}|${n.title}`)).size).toBe(
      notifications.length,
    );
    // what the two reported creating adds up to what exists: neither created one the other had
    const reported = results.reduce(
      (s, r) => s + Object.values(r.sweep.notified).reduce((x, y) => x + y, 0),
      0,
    );
    expect(reported).toBe(notifications.length - before.length);

    // and both instances' own connections sweeping again in this process create nothing more
    for (const h of handles) {
      const again = await runSweep(h.db);
      expect(again.errors).toEqual([]);
      expect(Object.values(again.notified).every((n) => n === 0)).toBe(true);
    }
    expect((await db.selectFrom('notifications').select('user_id').execute()).length).toBe(
      notifications.length,
    );
  });
});
