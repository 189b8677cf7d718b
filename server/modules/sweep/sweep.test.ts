import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { connect, type DatabaseHandle } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { loadSeedPairingList } from '../../seed/bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { type Client, describeEachDialect, login, makeUser, orgId } from '../../test/helper.js';
import { startSmtp, type TestSmtp } from '../mail/smtp.fixture.js';
import { dueForReminders } from './sweep.fixtures.js';
import { runSweep } from './sweep.service.js';
import { runSweepWorker } from './sweep-worker.fixtures.js';

interface WorkerResult {
  sweep: { notified: Record<string, number>; errors: string[] };
  mail: { sent: number; retrying: number; failed: number } | null;
}

describeEachDialect('the sweep across instances', (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let dir: string | null = null;
  const users: Record<string, number> = {};

  const userWithEmail = async (role: 'department' | 'counterpart' | 'tzb', org: string, email: string) => {
    const username = await makeUser(db, role, org);
    await db.updateTable('users').set({ email }).where('username', '=', username).execute();
    users[org] = (
      await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    ).id;
    return login(app, username);
  };

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'liaison-sweep-'));
      testDb = await createTestDatabase('sqlite', join(dir, 'test.db'));
    } else {
      testDb = await createTestDatabase('postgres');
    }
    handle = connect(testDb.url, { poolSize: 4 });
    db = handle.db;
    await migrateToLatest(db);
    await loadSeedPairingList(db);
    app = await buildApp({
      config: loadConfig({ DATABASE_URL: testDb.url, LIAISON_WEB_DIST: '/nonexistent' }),
      database: handle,
    });
    await app.ready();
    smtp = await startSmtp();

    const today = shanghaiDate(new Date().toISOString());
    const _year = Number(today.slice(0, 4));
    const jiaoyu = await orgId(db, '区教育局');
    const minmeng = await orgId(db, '民盟奉化支部');
    const dept: Client = await userWithEmail('department', '区教育局', 'jyj@example.gov.cn');
    await userWithEmail('counterpart', '民盟奉化支部', 'mm@example.org');
    await userWithEmail('department', '区公安分局', 'gaj@example.gov.cn');
    const tzb = await userWithEmail('tzb', '区委统战部', 'tzb@example.gov.cn');

    await dueForReminders({ jiaoyu, minmeng }, dept, tzb, '教育工作务虚会');
  });
  afterAll(async () => {
    await smtp.close();
    await app.close();
    await handle.close();
    await testDb.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('two processes sweeping and sending at the same moment send each reminder exactly once', async () => {
    const env = {
      DATABASE_URL: testDb.url,
      LIAISON_SMTP_URL: smtp.url,
      LIAISON_MAIL_FROM: '对口联系 <liaison@example.gov.cn>',
      LIAISON_PUBLIC_URL: 'https://liaison.example.gov.cn',
      LIAISON_TEST_START_AT: String(Date.now() + 5_000),
    };
    const [a, b] = await Promise.all([
      runSweepWorker({ ...process.env, ...env }),
      runSweepWorker({ ...process.env, ...env }),
    ]);
    for (const w of [a, b]) expect(w.code, w.err).toBe(0);
    const results = [a, b].map((w) => JSON.parse(w.out.trim().split('\n').at(-1) ?? '{}') as WorkerResult);
    for (const r of results) expect(r.sweep.errors).toEqual([]);

    const notifications = await db
      .selectFrom('notifications')
      .select(['id', 'user_id', 'kind', 'title', 'dedupe_key'])
      .execute();
    const kinds = new Set(notifications.map((n) => n.kind));
    for (const k of ['rsvp_reminder', 'plan_item_overdue', 'deadline_reminder'])
      expect(kinds, k).toContain(k);
    // no duplicates: one notification per key, and no two alike for one user
    expect(new Set(notifications.map((n) => n.dedupe_key)).size).toBe(notifications.length);
    expect(new Set(notifications.map((n) => `${n.user_id}|${n.kind}|${n.title}`)).size).toBe(
      notifications.length,
    );
    expect(notifications.find((n) => n.kind === 'rsvp_reminder')?.user_id).toBe(users.民盟奉化支部);

    const deliveries = await db.selectFrom('notification_deliveries').selectAll().execute();
    expect(deliveries.length).toBe(notifications.length); // every user here has an address
    expect(deliveries.map((d) => [d.status, d.attempts, d.last_error])).toEqual(
      deliveries.map(() => ['sent', 1, null]),
    );
    // each reminder's e-mail arrived exactly once
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids.length).toBe(deliveries.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(
      new Set(deliveries.map((d) => `<delivery-${d.id}.notification-${d.notification_id}@liaison>`)),
    );
    expect(results.reduce((s, r) => s + (r.mail?.sent ?? 0), 0)).toBe(deliveries.length);
    const rsvp = smtp.received.find((m) => m.subject.startsWith('【对口联系·邀请回复提醒】'));
    expect(rsvp?.to).toEqual(['mm@example.org']);
    expect(rsvp?.subject).toBe('【对口联系·邀请回复提醒】请回复邀请：教育工作务虚会');

    // and a third run, later the same day, creates and sends nothing
    const again = await runSweep(db);
    expect(again.errors).toEqual([]);
    expect(Object.values(again.notified).every((n) => n === 0)).toBe(true);
    expect((await db.selectFrom('notifications').select('id').execute()).length).toBe(notifications.length);
  }, 120_000);
});
