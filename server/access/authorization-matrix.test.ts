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
import { type CollectedRoute, collectRoutes } from '../test/routes.js';

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

/** Tables a GET may change: reading writes access refusals and exports to the audit trail, and ends idle sessions. */
const GET_MAY_CHANGE = new Set(['audit_log', 'sessions']);

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

const key = (r: Pick<CollectedRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;

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

const hasBody = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';

/** Self-service routes that end the caller's own session go last, so the rest run signed in. */
const endsSession = (route: CollectedRoute) => route.url.endsWith('/auth/logout');

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const table of tables) {
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
    expect(
      doc.paths['/api/v1/pairings/import/preview'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({
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

// ---- OpenAPI 3.0 structure, checked by hand (no OpenAPI validator is among the dependencies) ----

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const TOP_LEVEL = new Set([
  'openapi',
  'info',
  'servers',
  'paths',
  'components',
  'security',
  'tags',
  'externalDocs',
]);
const PATH_ITEM = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS]);
const OPERATION = new Set([
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
]);
// The Schema Object of OpenAPI 3.0: a subset of JSON Schema draft 4 with its own extensions.
const SCHEMA_KEYWORDS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
]);
const SCHEMA_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const extension = (k: string) => k.startsWith('x-');

function schemaProblems(schema: unknown, at: string, doc: Record<string, unknown>): string[] {
  if (!isObject(schema)) return [`${at}: a schema must be an object`];
  const problems: string[] = [];
  for (const k of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(k) && !extension(k))
      problems.push(`${at}: "${k}" is not an OpenAPI 3.0 schema keyword`);
  }
  const s = schema as Record<string, unknown>;
  if (s.$ref !== undefined) {
    const target = String(s.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), doc);
    if (!String(s.$ref).startsWith('#/') || target === undefined)
      problems.push(`${at}: unresolved $ref ${s.$ref}`);
  }
  if (s.type !== undefined && (typeof s.type !== 'string' || !SCHEMA_TYPES.has(s.type))) {
    problems.push(
      `${at}: type ${JSON.stringify(s.type)} (3.0 allows one of ${[...SCHEMA_TYPES].join(', ')})`,
    );
  }
  if (s.type === 'array' && s.items === undefined) problems.push(`${at}: an array schema needs items`);
  for (const k of [
    'exclusiveMinimum',
    'exclusiveMaximum',
    'nullable',
    'uniqueItems',
    'readOnly',
    'writeOnly',
  ]) {
    if (s[k] !== undefined && typeof s[k] !== 'boolean')
      problems.push(`${at}: ${k} must be a boolean in 3.0`);
  }
  if (s.required !== undefined) {
    const r = s.required;
    if (
      !Array.isArray(r) ||
      r.length === 0 ||
      r.some((x) => typeof x !== 'string') ||
      new Set(r).size !== r.length
    ) {
      problems.push(`${at}: required must be a non-empty array of distinct names`);
    }
  }
  if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) {
    problems.push(`${at}: enum must be a non-empty array`);
  }
  if (s.pattern !== undefined) {
    try {
      new RegExp(String(s.pattern));
    } catch {
      problems.push(`${at}: pattern is not a regular expression`);
    }
  }
  if (s.properties !== undefined) {
    if (!isObject(s.properties)) problems.push(`${at}: properties must be an object`);
    else
      for (const [name, p] of Object.entries(s.properties))
        problems.push(...schemaProblems(p, `${at}.${name}`, doc));
  }
  if (s.items !== undefined) problems.push(...schemaProblems(s.items, `${at}[]`, doc));
  if (isObject(s.additionalProperties))
    problems.push(...schemaProblems(s.additionalProperties, `${at}{}`, doc));
  else if (s.additionalProperties !== undefined && typeof s.additionalProperties !== 'boolean') {
    problems.push(`${at}: additionalProperties must be a boolean or a schema`);
  }
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    if (s[k] === undefined) continue;
    const subs = s[k];
    if (!Array.isArray(subs) || subs.length === 0) {
      problems.push(`${at}: ${k} must be a non-empty array`);
      continue;
    }
    subs.forEach((sub, i) => {
      problems.push(...schemaProblems(sub, `${at}.${k}[${i}]`, doc));
    });
  }
  if (s.not !== undefined) problems.push(...schemaProblems(s.not, `${at}.not`, doc));
  return problems;
}

function contentProblems(content: unknown, at: string, doc: Record<string, unknown>): string[] {
  if (!isObject(content) || Object.keys(content).length === 0) return [`${at}: content must map media types`];
  return Object.entries(content).flatMap(([media, m]) => {
    if (!/^[\w.+-]+\/[\w.+*-]+/.test(media)) return [`${at}: "${media}" is not a media type`];
    if (!isObject(m)) return [`${at}.${media}: a media type object is required`];
    return m.schema === undefined ? [] : schemaProblems(m.schema, `${at}.${media}`, doc);
  });
}

/** The ways a document breaks the OpenAPI 3.0 specification's structure (empty when it is valid). */
function openApiProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi))
    problems.push('openapi must be 3.0.x');
  for (const k of Object.keys(doc))
    if (!TOP_LEVEL.has(k) && !extension(k)) problems.push(`unknown field ${k}`);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    problems.push('info needs a title and a version');
  }
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.schemas)) {
    for (const [name, s] of Object.entries(components.schemas)) {
      problems.push(...schemaProblems(s, `components.schemas.${name}`, doc));
    }
  }
  if (isObject(components.securitySchemes)) {
    for (const [name, s] of Object.entries(components.securitySchemes)) {
      const ok =
        isObject(s) &&
        ['apiKey', 'http', 'oauth2', 'openIdConnect'].includes(String(s.type)) &&
        (s.type !== 'apiKey' ||
          (typeof s.name === 'string' && ['query', 'header', 'cookie'].includes(String(s.in))));
      if (!ok) problems.push(`components.securitySchemes.${name} is not a security scheme`);
    }
  }
  if (!isObject(doc.paths)) return [...problems, 'paths must be an object'];
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`${path}: a path must start with /`);
    if (/:\w/.test(path)) problems.push(`${path}: path parameters are written {name} in OpenAPI`);
    if (!isObject(item)) {
      problems.push(`${path}: a path item must be an object`);
      continue;
    }
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [field, op] of Object.entries(item)) {
      if (!PATH_ITEM.has(field) && !extension(field)) problems.push(`${path}: unknown field ${field}`);
      if (!HTTP_METHODS.has(field)) continue;
      const at = `${field.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        problems.push(`${at}: an operation must be an object`);
        continue;
      }
      for (const k of Object.keys(op))
        if (!OPERATION.has(k) && !extension(k)) problems.push(`${at}: unknown field ${k}`);
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId)) problems.push(`${at}: duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      const responses = op.responses;
      if (!isObject(responses) || Object.keys(responses).length === 0)
        problems.push(`${at}: responses are required`);
      else {
        for (const [status, r] of Object.entries(responses)) {
          if (!/^(default|[1-5](\d\d|XX))$/.test(status)) problems.push(`${at}: response key ${status}`);
          if (!isObject(r) || typeof r.description !== 'string')
            problems.push(`${at} ${status}: a description is required`);
          else if (r.content !== undefined)
            problems.push(...contentProblems(r.content, `${at} ${status}`, doc));
        }
      }
      if (op.requestBody !== undefined) {
        if (!isObject(op.requestBody)) problems.push(`${at}: requestBody must be an object`);
        else problems.push(...contentProblems(op.requestBody.content, `${at} body`, doc));
      }
      const params = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(op.parameters) ? op.parameters : []),
      ];
      const seen = new Set<string>();
      const inPath: string[] = [];
      for (const p of params) {
        if (
          !isObject(p) ||
          typeof p.name !== 'string' ||
          !['query', 'header', 'path', 'cookie'].includes(String(p.in))
        ) {
          problems.push(`${at}: a parameter needs a name and in: query|header|path|cookie`);
          continue;
        }
        const id = `${p.in}:${p.name}`;
        if (seen.has(id)) problems.push(`${at}: parameter ${id} twice`);
        seen.add(id);
        if (p.in === 'path') {
          inPath.push(p.name);
          if (p.required !== true) problems.push(`${at}: path parameter ${p.name} must be required`);
        }
        if ((p.schema === undefined) === (p.content === undefined))
          problems.push(`${at}: ${id} needs a schema or content`);
        if (p.schema !== undefined) problems.push(...schemaProblems(p.schema, `${at} ${id}`, doc));
      }
      if ([...inPath].sort().join() !== [...templated].sort().join()) {
        problems.push(`${at}: path parameters ${inPath.join(',')} ≠ template {${templated.join('},{')}}`);
      }
    }
  }
  return problems;
}
