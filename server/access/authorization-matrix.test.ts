// The route × role half of the authorisation matrix (401/403 by permission, no state change on GET). The record
// half — own unit / other unit / other region for every route with an :id — is record-scope.test.ts.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission, ROLES, type Role } from '../../common/roles.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  makeUser,
  orgId,
  type TestApp,
} from '../test/helper.js';
import { type CollectedRoute, collectRoutes, hasBody, routeKey } from '../test/routes.js';
import { HTTP_METHODS, openApiProblems } from './authorization-matrix.openapi.js';

/** Where each role's user sits (the admins in 区委统战部). */
const HOME: Record<Role, string> = {
  tzb: '区委统战部',
  qfb: '区府办',
  department: '区公安分局',
  counterpart: '民革奉化区委会',
  sysadmin: '区委统战部',
  secadmin: '区委统战部',
  auditadmin: '区委统战部',
};

/** Query strings that make a GET plausible (a required year, a record to look at). */
const PLAUSIBLE_QUERY: Record<string, (ids: Ids) => string> = {
  'GET /api/v1/pairings': () => 'year=2019',
  'GET /api/v1/pairings/matrix': () => 'year=2019',
  'GET /api/v1/pairings/history': (ids) => `pairingId=${ids.pairing}`,
  'GET /api/v1/documents/pairing-list.docx': () => 'year=2019',
  'GET /api/v1/documents/pairing-list.xlsx': () => 'year=2019',
};

/** Tables a GET may change: reading writes access refusals and exports to the audit trail, ends idle sessions, and counts exports against the shared rate limit. */
const GET_MAY_CHANGE = new Set(['audit_log', 'sessions', 'rate_limit_counters']);

/**
 * Routes open without a session. Each is a deliberate decision: a new one must be added here.
 * The calendar feed carries its own secret in the URL (calendar apps cannot sign in).
 */
const PUBLIC_ROUTES = [
  'GET /api/v1/health',
  'GET /api/v1/openapi.json',
  'POST /api/v1/auth/login',
  'GET /api/v1/calendar/feed/:token.ics',
  // the holder of a one-time activation code (issue 18): rate-limited per address, every refusal audited
  'POST /api/v1/activation/check',
  'POST /api/v1/activation/redeem',
  // first-run setup: only while no account exists, every write needs the token printed at start-up
  'GET /api/v1/setup',
  'POST /api/v1/setup/check',
  'POST /api/v1/setup',
];

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const UNAUTHENTICATED = { error: { code: 'UNAUTHENTICATED', message: '请先登录' } };

interface Ids {
  /** the actor's own organisation */
  own: number;
  organisation: number;
  alias: number;
  pairing: number;
  region: number;
  user: number;
}

const key = routeKey;

/** The URL to call a route with: `:id` replaced by a record of that resource in the actor's scope, else 1. */
function urlFor(route: CollectedRoute, ids: Ids): string {
  const resource = route.url.split('/')[3];
  const byResource: Record<string, number> = {
    organisations: ids.organisation,
    pairings: ids.pairing,
    regions: ids.region,
    users: ids.user,
  };
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'aliasId') return String(ids.alias);
    if (name === 'organisationId') return String(ids.own);
    if (name === 'id') return String(byResource[resource ?? ''] ?? 1);
    return '1';
  });
  const query = PLAUSIBLE_QUERY[key(route)]?.(ids);
  return query ? `${path}?${query}` : path;
}

/** Self-service routes that end the caller's own session go last, so the rest run signed in. */
const endsSession = (route: CollectedRoute) => route.url.endsWith('/auth/logout');

// Bookkeeping an allowed request may write without changing anything a user owns: the rate limits count exports.
const BOOKKEEPING = new Set(['rate_limit_counters']);

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    if (BOOKKEEPING.has(table.name)) continue;
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(rows[0]?.n);
  }
  return counts;
}

async function maxAuditId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((table) => !GET_MAY_CHANGE.has(table) && before[table] !== after[table]);
}

describeEachDialect('authorization matrix', (dialect) => {
  let t: TestApp;
  let routes: CollectedRoute[];
  let ids: Ids;

  beforeAll(async () => {
    const collected = await collectRoutes(() => buildTestApp(dialect));
    t = collected.built;
    // HEAD routes are Fastify's automatic twins of the GET routes
    routes = collected.routes.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'));
    routes.sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
    const minge = await orgId(t.db, '民革奉化区委会');
    const gongan = await orgId(t.db, '区公安分局');
    const alias = await t.db
      .selectFrom('organisation_aliases')
      .select('id')
      .where('organisation_id', '=', minge)
      .executeTakeFirstOrThrow();
    const pairing = await t.db
      .selectFrom('pairings')
      .select('id')
      .where('counterpart_id', '=', minge)
      .where('department_id', '=', gongan)
      .executeTakeFirstOrThrow();
    const region = await t.db
      .selectFrom('regions')
      .select('id')
      .where('name', '=', '奉化区')
      .executeTakeFirstOrThrow();
    // the account the system admin's routes act on: never one of the signed-in actors
    const target = await makeUser(t.db, 'department', '区司法局');
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', target)
      .executeTakeFirstOrThrow();
    ids = {
      own: minge,
      organisation: minge,
      alias: alias.id,
      pairing: pairing.id,
      region: region.id,
      user: user.id,
    };
  });
  afterAll(async () => t.close());

  it('collects the route table: every /api route declares a valid permission', () => {
    expect(routes.length).toBeGreaterThan(20);
    const undeclared = routes.filter((r) => !r.permission || !PERMISSIONS.includes(r.permission)).map(key);
    expect(undeclared).toEqual([]);
    expect(routes.map(key)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/health',
        'POST /api/v1/auth/login',
        'GET /api/v1/pairings',
        'POST /api/v1/pairings/import/preview',
        'DELETE /api/v1/organisations/:id/aliases/:aliasId',
        'POST /api/v1/users/:id/reset-password',
        'GET /api/v1/audit/export.xlsx',
        'PUT /api/v1/settings/security',
      ]),
    );
    expect(routes.filter((r) => r.permission === 'public').map(key)).toEqual(PUBLIC_ROUTES);
  });

  it('answers 401 UNAUTHENTICATED to every non-public route without a session, and never 5xx', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const before = route.method === 'GET' ? await rowCounts(t.db) : null;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: urlFor(route, ids),
        ...(hasBody(route.method) ? { payload: {} } : {}),
      });
      if (res.statusCode >= 500) problems.push(`${key(route)} → ${res.statusCode}`);
      if (route.permission === 'public') {
        if (res.statusCode === 401 || res.statusCode === 403)
          problems.push(`${key(route)} (public) → ${res.statusCode}`);
      } else if (res.statusCode !== 401 || JSON.stringify(res.json()) !== JSON.stringify(UNAUTHENTICATED)) {
        problems.push(`${key(route)} → ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
      if (before) {
        const changed = changedTables(before, await rowCounts(t.db));
        if (changed.length) problems.push(`${key(route)} changed ${changed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(ROLES)(
    '%s: exactly 403 FORBIDDEN where the role lacks the permission, never where it has it',
    async (role) => {
      const client: Client = await loginAs(t, role, HOME[role]);
      const own = { ...ids, own: await orgId(t.db, HOME[role]) };
      const problems: string[] = [];
      let calls = 0;
      for (const route of routes) {
        const permission = route.permission as Permission;
        const allowed = can(role, permission);
        const before = route.method === 'GET' ? await rowCounts(t.db) : null;
        const lastAudit = await maxAuditId(t.db);
        const res: LightMyRequestResponse = await client.request({
          method: route.method as 'GET',
          url: urlFor(route, own),
          ...(hasBody(route.method) ? { payload: {} } : {}),
        });
        calls++;
        const body = String(res.headers['content-type']).includes('json') ? res.json() : undefined;
        // the access layer records each refusal it makes, naming the route
        const refusedByAccess = await t.db
          .selectFrom('audit_log')
          .select('entity_id')
          .where('id', '>', lastAudit)
          .where('action', '=', 'access.denied')
          .where('actor_username', '=', client.username)
          // the access layer's refusals; a service's 404 (a record not there) is on the trail as `not-found`
          .where('detail', 'like', 'permission %')
          .execute();
        const at = `${key(route)} [${permission}: ${allowed ? 'allowed' : 'denied'}]`;
        if (res.statusCode >= 500) problems.push(`${at} → ${res.statusCode} (server error)`);
        if (allowed) {
          if (res.statusCode === 401) problems.push(`${at} → 401`);
          if (refusedByAccess.length) problems.push(`${at} → refused by the access layer`);
          // a service refusing a role its route admits: the route declares a broader permission than the rule
          // in force, and the role is offered (abilities, menus) what it can never do
          if (res.statusCode === 403) problems.push(`${at} → 403 ${body?.error?.code} from the service`);
        } else {
          if (res.statusCode !== 403 || JSON.stringify(body) !== JSON.stringify(FORBIDDEN)) {
            problems.push(`${at} → ${res.statusCode} ${res.body.slice(0, 80)}`);
          }
          if (JSON.stringify(refusedByAccess) !== JSON.stringify([{ entity_id: key(route) }])) {
            problems.push(`${at} → no access.denied entry for it`);
          }
        }
        if (before) {
          const changed = changedTables(before, await rowCounts(t.db));
          if (changed.length) problems.push(`${at} changed the row count of ${changed.join(', ')}`);
        }
      }
      expect(calls).toBe(routes.length);
      expect(problems).toEqual([]);
    },
  );

  it('publishes a valid OpenAPI 3 document that describes exactly the API routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(openApiProblems(doc)).toEqual([]);
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/pairings', '/api/v1/pairings/import/preview']),
    );
    // a named body is a reference to its component
    const body =
      doc.paths['/api/v1/pairings/import/preview'].post.requestBody.content['application/json'].schema;
    const resolved = body.$ref ? doc.components.schemas[String(body.$ref).split('/').pop() as string] : body;
    expect(resolved).toMatchObject({
      properties: { text: { type: 'string' }, xlsxBase64: { type: 'string' } },
    });
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) =>
        Object.keys(item)
          .filter((m) => HTTP_METHODS.has(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = routes
      .filter((r) => !r.hidden)
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect([...documented].sort()).toEqual([...served].sort());
  });
});

describe('the permission rule at build time', () => {
  async function freshApp(): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
    const database = connect('sqlite::memory:');
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', LIAISON_WEB_DIST: '/nonexistent' });
    const app = await buildApp({ config, database });
    return {
      app,
      close: async () => {
        await app.close().catch(() => {});
        await database.close();
      },
    };
  }

  it('refuses to start when an /api route declares no permission, or one that does not exist', async () => {
    for (const [config, method] of [
      [undefined, 'GET'],
      [{}, 'POST'],
      [{ permission: 'everything' }, 'DELETE'],
    ] as const) {
      const { app, close } = await freshApp();
      try {
        const start = async () => {
          await app.register(
            async (api) => {
              api.route({
                method,
                url: '/rogue',
                config: config as never,
                handler: async () => ({ ok: true }),
              });
            },
            { prefix: '/api/v1' },
          );
          await app.ready();
        };
        await expect(start()).rejects.toThrow(`route ${method} /api/v1/rogue declares no valid permission`);
      } finally {
        await close();
      }
    }
  });

  it('starts with the same route once it declares a permission, and guards it', async () => {
    const { app, close } = await freshApp();
    try {
      await app.register(
        async (api) => {
          api.get('/rogue', { config: { permission: 'audit:read' } }, async () => ({ ok: true }));
        },
        { prefix: '/api/v1' },
      );
      await app.ready();
      const res = await app.inject({ method: 'GET', url: '/api/v1/rogue' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(UNAUTHENTICATED);
    } finally {
      await close();
    }
  });
});
