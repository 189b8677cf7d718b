// Rate limits hold across instances: two app instances on one database share the sign-in counters, so a
// guesser spreading attempts over both is stopped at the same count as on one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { connect, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { describeEachDialect } from '../test/helper.js';
import { countRequest } from './rate-limit-store.js';

describeEachDialect('rate limits across instances', (dialect) => {
  let dir = '';
  let testDb: TestDatabase;
  const handles: DatabaseHandle[] = [];
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'liaison-rl-'));
    // SQLite: a file both instances open (in memory each would have its own database)
    testDb = await createTestDatabase(dialect, join(dir, 'shared.db'));
    for (let i = 0; i < 2; i++) {
      const handle = connect(testDb.url, { poolSize: 2 });
      if (i === 0) await migrateToLatest(handle.db);
      handles.push(handle);
      const config = loadConfig({
        DATABASE_URL: testDb.url,
        LIAISON_WEB_DIST: '/nonexistent',
        LIAISON_RATE_LOGIN_PER_IP: '1000',
        LIAISON_RATE_LOGIN_PER_USER: '4',
      });
      apps.push(await buildApp({ config, database: handle }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const h of handles) await h.close();
    await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts one window per key, restarting when it ends', async () => {
    const db = handles[0]?.db as DatabaseHandle['db'];
    const t0 = 1_000_000;
    expect(await countRequest(db, 'k', 60_000, t0)).toEqual({ current: 1, ttl: 60_000 });
    expect(await countRequest(db, 'k', 60_000, t0 + 10_000)).toEqual({ current: 2, ttl: 50_000 });
    expect(await countRequest(db, 'k', 60_000, t0 + 60_000)).toEqual({ current: 1, ttl: 60_000 });
  });

  it('stops the fifth attempt for one username, whichever instance gets it', async () => {
    const attempt = (i: number) =>
      (apps[i % 2] as FastifyInstance).inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody-here', password: 'wrong-password-1' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(i)).statusCode);
    expect(codes.slice(0, 4).every((c) => c === 401)).toBe(true);
    const fifth = await attempt(5);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);
  });
});
