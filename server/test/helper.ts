import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { describe } from 'vitest';
import type { Role } from '../../common/roles.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { connect, type Dialect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { createUserRecord } from '../modules/users/index.js';
import { loadSeedPairingList } from '../seed/bootstrap.js';
import { createTestDatabase, DIALECTS } from './database.js';

export { DIALECTS };

/** describe() once per engine under test, so the same tests prove both SQLite and PostgreSQL. */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => body(dialect));
}

export const TEST_PASSWORD = 'Test-pass-2026';

/** Where each role's test user sits in the seed district: the pair 区教育局 × 民盟, the admins in 区委统战部. */
export const HOME_UNIT: Record<Role, string> = {
  tzb: '区委统战部',
  qfb: '区府办',
  department: '区教育局',
  counterpart: '民盟奉化支部',
  sysadmin: '区委统战部',
  secadmin: '区委统战部',
  auditadmin: '区委统战部',
};

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  /** the DATABASE_URL of this app's database (for a CLI run against it) */
  url: string;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Rate limits high enough for tests that sign in dozens of times from one address; the rate-limit tests
 * pass their own (the production defaults are in server/config.ts).
 */
const TEST_RATE_LIMITS = {
  LIAISON_RATE_LOGIN_PER_IP: '100000',
  LIAISON_RATE_LOGIN_PER_USER: '100000',
  LIAISON_RATE_EXPORTS_PER_USER: '100000',
};

/**
 * The app on a fresh database (migrated, with the seed's 2019 list unless `seed: false`); `env` adds or
 * overrides configuration (e.g. LIAISON_DATA_KEY, rate limits).
 */
export async function buildTestApp(
  dialect: Dialect,
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(dialect);
  const database = connect(testDb.url, { poolSize: 4 });
  await migrateToLatest(database.db);
  if (options.seed !== false) await loadSeedPairingList(database.db);
  const config = loadConfig({
    DATABASE_URL: testDb.url,
    LIAISON_WEB_DIST: '/nonexistent',
    ...TEST_RATE_LIMITS,
    ...options.env,
  });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    db: database.db,
    url: testDb.url,
    dialect,
    close: async () => {
      await app.close();
      await database.close();
      await testDb.drop();
    },
  };
}

export async function orgId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;

/** A user of the given role in the named organisation (created with the test password). */
export async function makeUser(
  db: Kysely<Database>,
  role: Role,
  organisation: string | number,
  options: { username?: string; mustChangePassword?: boolean } = {},
): Promise<string> {
  const organisationId = typeof organisation === 'number' ? organisation : await orgId(db, organisation);
  const username = options.username ?? `${role}-${++counter}-${Date.now().toString(36)}`;
  await db.transaction().execute((trx) =>
    createUserRecord(
      trx,
      { actor: null, ip: null },
      {
        username,
        displayName: username,
        role,
        organisationId,
        email: null,
        password: TEST_PASSWORD,
        mustChangePassword: options.mustChangePassword ?? false,
      },
      { minLength: 8, minClasses: 1 },
    ),
  );
  return username;
}

/** A signed-in client: inject() with the session cookie and CSRF token already set. */
export interface Client {
  username: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'liaison_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = res.json() as { csrfToken: string };
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { liaison_session: cookie.value },
      headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
    });
  return {
    username,
    csrfToken,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: (url, body, headers) =>
      request({ method: 'POST', url, payload: body as InjectOptions['payload'], headers }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Sign in a new user of that role and organisation in one step. */
export async function loginAs(t: TestApp, role: Role, organisation: string | number): Promise<Client> {
  return login(t.app, await makeUser(t.db, role, organisation));
}
