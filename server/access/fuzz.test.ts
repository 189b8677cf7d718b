// ASVS V5 / V13, 等保 入侵防范: property-based fuzzing of every write route of the route table (POST, PUT, PATCH,
// DELETE) with invalid, oversized and hostile input — rare CJK, SQL and HTML payloads, formula prefixes, wrong
// types, junk ids — as the role that may call it. The property: never a 5xx, and every refusal in our error
// shape. Bounded (30 runs a route) so the suite stays fast. Then: free text round-trips byte for byte.

import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERROR_CODES } from '../../common/errors.js';
import type { OrganisationKind } from '../../common/organisations.js';
import { can, type Permission, ROLES, type Role } from '../../common/roles.js';
import { daysFromNow } from '../modules/ledger/ledger.fixtures.js';
import { insertOrganisation } from '../modules/organisations/index.js';
import { insertPairing } from '../modules/pairings/index.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  HOME_UNIT,
  login,
  makeUser,
  orgId,
  type TestApp,
} from '../test/helper.js';
import { type CollectedRoute, collectRoutes } from '../test/routes.js';

const RUNS = 30;
const SEED = Number(process.env.LIAISON_FUZZ_SEED ?? 20261128);

/** Strings that have broken web applications before. */
const HOSTILE = [
  '𠀀𠀁𠀂𪚥𰻞', // CJK Extension B and beyond (surrogate pairs, 4 bytes in UTF-8)
  '﨑髙𡈽', // 异体字 in names
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "%' AND 1=0 UNION SELECT password_hash FROM users --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example","点我")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '＝1+1',
  '../../../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}<%= 7*7 %>',
  '\u202e\u0644\u0627', // right-to-left override
  '👨‍👩‍👧‍👦🇨🇳',
  'a\u0301\u0302\u0303\u0304', // stacked combining marks
  '\u0000',
  'x\u0000y',
  '\ud800', // a lone surrogate
  '\r\n\t',
  ' ',
  '',
  'null',
  '0x7fffffff',
  '１２３４５', // full-width digits
];
/** Text a Text() field accepts: no control characters, no lone surrogates. */
function wellFormedText(s: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) return false;
  return !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
}
const OVERSIZED = ['对'.repeat(70_000), 'A'.repeat(1_100_000)];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...OVERSIZED) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('2019-06-05', '2019-02-30', '2026-11-28T09:00:00+08:00', '13900000000'),
  },
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2019, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, -0.0),
  fc.double({ noNaN: true }),
);

type Schema = Record<string, unknown>;

/** An arbitrary that mostly follows a JSON schema's shape, with hostile values in every slot. */
function fromSchema(schema: Schema | undefined, doc: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.anything({ maxDepth: 2 });
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Schema)?.[part], doc) as Schema;
    return fromSchema(target, doc, depth + 1);
  }
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) return fc.oneof(...variants.map((s) => fromSchema(s, doc, depth + 1)));
  const nullable = schema.nullable === true;
  let arb: fc.Arbitrary<unknown>;
  if (Array.isArray(schema.enum)) {
    arb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(schema.enum as unknown[])) }, hostileString);
  } else {
    switch (schema.type) {
      case 'string':
        arb = hostileString;
        break;
      case 'integer':
      case 'number':
        arb = fc.oneof({ weight: 4, arbitrary: hostileNumber }, fc.constantFrom('12', '1e3', true, null));
        break;
      case 'boolean':
        arb = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, fc.constantFrom('true', 1, null));
        break;
      case 'array': {
        const item = fromSchema(schema.items as Schema, doc, depth + 1);
        arb = fc.oneof(
          { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
          { weight: 1, arbitrary: fc.array(item, { minLength: 60, maxLength: 300 }) },
        );
        break;
      }
      case 'object':
      case undefined: {
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        const required = new Set((schema.required ?? []) as string[]);
        if (!Object.keys(properties).length) {
          arb = fc.oneof(
            fc.constant({}),
            fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 })),
          );
          break;
        }
        const shape = Object.fromEntries(
          Object.entries(properties).map(([k, s]) => [k, fromSchema(s, doc, depth + 1)]),
        );
        arb = fc.record(shape, {
          requiredKeys: Object.keys(properties).filter((k) => required.has(k) && Math.random() < 2),
        });
        break;
      }
      default:
        arb = fc.anything({ maxDepth: 2 });
    }
  }
  return nullable ? fc.oneof({ weight: 5, arbitrary: arb }, fc.constant(null)) : arb;
}

/** Path parameter values: real ids, junk, injection attempts. */
function paramArb(real: number[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real.map(String)) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 2 ** 31 + 5 }).map(String) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '99999999999999999999999',
        '1.5',
        '1e3',
        'abc',
        "1'%20OR%20'1'='1",
        '%F0%A0%80%80',
        '%00',
        'leader',
        'principal',
        'liaison',
        '2019',
      ),
    },
  );
}

const ERROR_SHAPE = (res: LightMyRequestResponse): string | null => {
  if (res.statusCode < 400) return null;
  try {
    const body = res.json() as { error?: { code?: string; message?: string } };
    if (!body.error?.code || !(body.error.code in ERROR_CODES) || typeof body.error.message !== 'string')
      return `not our error shape: ${res.body.slice(0, 120)}`;
    return null;
  } catch {
    return `not JSON: ${res.body.slice(0, 120)}`;
  }
};

const ROLE_ORDER: Role[] = ['tzb', 'department', 'counterpart', 'sysadmin', 'secadmin', 'qfb', 'auditadmin'];
const HOME = HOME_UNIT;

describeEachDialect('fuzzing every write route', (dialect) => {
  let t: TestApp;
  let writeRoutes: CollectedRoute[];
  let doc: Schema;
  const actors = new Map<Role, { username: string; client: Client }>();
  const homeIds = new Map<Role, number>();
  let realIds: number[];
  let seedIds: { region: number; jiaoyu: number; minmeng: number };

  /** Put an actor back the way it was (a fuzzed request may reset its password, disable it, end its session). */
  async function restoreActor(role: Role): Promise<Client> {
    const a = actors.get(role) as { username: string; client: Client };
    const row = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', a.username)
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('user_totp').where('user_id', '=', row.id).execute();
    await t.db
      .deleteFrom('users')
      .where('id', '=', row.id)
      .execute()
      .catch(() => undefined);
    // by id: a fuzzed request may have renamed the organisation
    const username = await makeUser(t.db, role, homeIds.get(role) as number);
    const client = await login(t.app, username);
    actors.set(role, { username, client });
    return client;
  }

  beforeAll(async () => {
    const collected = await collectRoutes(() => buildTestApp(dialect));
    t = collected.built;
    writeRoutes = collected.routes.filter(
      (r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/'),
    );
    // the security policy last: a fuzzed policy must not change the rules for the other routes midway
    writeRoutes.sort((a, b) => Number(a.url.includes('/settings/')) - Number(b.url.includes('/settings/')));
    doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const role of ROLES) {
      homeIds.set(role, await orgId(t.db, HOME[role]));
      const username = await makeUser(t.db, role, HOME[role]);
      actors.set(role, { username, client: await login(t.app, username) });
    }
    seedIds = {
      region: (
        await t.db.selectFrom('regions').select('id').where('name', '=', '奉化区').executeTakeFirstOrThrow()
      ).id,
      jiaoyu: await orgId(t.db, '区教育局'),
      minmeng: await orgId(t.db, '民盟奉化支部'),
    };
    realIds = [
      await orgId(t.db, '区教育局'),
      await orgId(t.db, '民盟奉化支部'),
      (await t.db.selectFrom('pairings').select('id').executeTakeFirstOrThrow()).id,
      (await t.db.selectFrom('regions').select('id').where('name', '=', '奉化区').executeTakeFirstOrThrow())
        .id,
      1,
      2,
      3,
    ];
  });
  afterAll(async () => t.close());

  it('answers every write route with no 5xx and our error shape, whatever the input', {
    timeout: 240_000,
  }, async () => {
    expect(writeRoutes.length).toBeGreaterThan(40);
    const problems: string[] = [];
    let requests = 0;
    for (const route of writeRoutes) {
      const permission = route.permission as Permission;
      const role = ROLE_ORDER.find((r) => can(r, permission)) ?? 'department';
      const anonymous = permission === 'public';
      const path = route.url.replace(/\{(\w+)\}/g, ':$1');
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = (doc.paths as Record<string, Record<string, Schema>>)[openApiPath]?.[
        route.method.toLowerCase()
      ];
      const bodySchema = (
        (operation?.requestBody as Schema | undefined)?.content as
          | Record<string, { schema?: Schema }>
          | undefined
      )?.['application/json']?.schema;
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const input = fc.record({
        params: fc.tuple(...params.map(() => paramArb(realIds))),
        body: fc.oneof(
          { weight: 6, arbitrary: fromSchema(bodySchema, doc) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
          { weight: 1, arbitrary: fc.constantFrom(null, [], 'text', 42, { __proto__: { admin: true } }) },
        ),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params: values, body }) => {
          let i = 0;
          const url = path.replace(/:(\w+)/g, () => values[i++] as string);
          const payload = body === undefined ? undefined : JSON.stringify(body);
          const send = async (client: Client | null) =>
            client
              ? client.request({
                  method: route.method as 'POST',
                  url,
                  payload,
                  headers: { 'content-type': 'application/json' },
                })
              : t.app.inject({
                  method: route.method as 'POST',
                  url,
                  payload,
                  headers: { 'content-type': 'application/json' },
                });
          let res = await send(anonymous ? null : (actors.get(role)?.client ?? null));
          requests++;
          const shape = ERROR_SHAPE(res);
          if (res.statusCode >= 500 || shape) {
            problems.push(
              `${route.method} ${url} as ${role} ${payload?.slice(0, 200)} → ${res.statusCode} ${shape ?? res.body.slice(0, 200)}`,
            );
          }
          // the request locked the actor out (reset password, disabled, ended its sessions …): put it back
          const code = res.statusCode >= 400 ? (res.json() as { error: { code: string } }).error.code : '';
          if (
            !anonymous &&
            ['UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED'].includes(code)
          ) {
            res = await send(await restoreActor(role));
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(writeRoutes.length * RUNS);
  });

  // Text that passes validation is stored and answered exactly as sent: no trimming inside, no
  // normalisation, no escaping, no mojibake — the same UTF-8 bytes, on every engine.
  const text = (max: number) =>
    fc
      .oneof(
        fc.constantFrom(...HOSTILE.filter((s) => s.trim() === s && s.length > 0 && wellFormedText(s))),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      )
      .filter(
        (s) =>
          s.length > 0 &&
          s.length <= max &&
          s.trim() === s &&
          // biome-ignore lint/suspicious/noControlCharactersInRegex: Text() refuses control characters
          !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
      );
  const sameBytes = (a: unknown, b: string) => Buffer.from(String(a), 'utf8').equals(Buffer.from(b, 'utf8'));

  it('round-trips organisation names, pairing sources and ledger titles byte for byte', {
    timeout: 120_000,
  }, async () => {
    // fresh actors: the fuzzing above may have re-roled, disabled or signed out the ones it used
    const tzb = await restoreActor('tzb');
    // by id: the fuzzing may have renamed them
    const region = seedIds.region;
    let n = 0;
    // a pair of its own for the ledger: the fuzzing may have ended or deactivated the seed's
    const unit = (kind: OrganisationKind) =>
      insertOrganisation(t.db, {
        region_id: region,
        kind,
        name: `往返${kind}`,
        short_name: null,
        sort_order: 1,
        active: 1,
      });
    const [jiaoyu, minmeng] = [(await unit('department')).id, (await unit('counterpart')).id];
    await insertPairing(t.db, {
      regionId: region,
      counterpartId: minmeng,
      departmentId: jiaoyu,
      validFrom: 2019,
      validTo: null,
      source: null,
      shared: false,
    });
    const dept = await login(t.app, await makeUser(t.db, 'department', jiaoyu));
    await fc.assert(
      fc.asyncProperty(text(50), async (s) => {
        const name = `${s}${++n}`;
        const res = await tzb.post('/api/v1/organisations', {
          kind: 'department',
          name,
          regionId: region,
          sortOrder: 1,
        });
        if (res.statusCode !== 200)
          throw new Error(`create ${JSON.stringify(name)}: ${res.statusCode} ${res.body}`);
        const read = (await tzb.get(`/api/v1/organisations/${res.json().id}`)).json();
        const row = await t.db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', res.json().id)
          .executeTakeFirstOrThrow();
        return sameBytes(res.json().name, name) && sameBytes(read.name, name) && sameBytes(row.name, name);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await fc.assert(
      fc.asyncProperty(text(100), async (source) => {
        const mk = (kind: OrganisationKind) =>
          insertOrganisation(t.db, {
            region_id: region,
            kind,
            name: `往返${kind}${++n}`,
            short_name: null,
            sort_order: 1,
            active: 1,
          });
        const [d, c] = [await mk('department'), await mk('counterpart')];
        const res = await tzb.post('/api/v1/pairings', {
          counterpartId: c.id,
          departmentId: d.id,
          validFrom: 2026,
          source,
        });
        if (res.statusCode !== 200)
          throw new Error(`pairing ${JSON.stringify(source)}: ${res.statusCode} ${res.body}`);
        const listed = (await tzb.get('/api/v1/pairings?year=2026'))
          .json()
          .items.find((p: { department: { id: number } }) => p.department.id === d.id);
        const row = await t.db
          .selectFrom('pairings')
          .select('source')
          .where('department_id', '=', d.id)
          .executeTakeFirstOrThrow();
        return sameBytes(listed.source, source) && sameBytes(row.source, source);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await fc.assert(
      fc.asyncProperty(text(200), async (title) => {
        const res = await dept.post('/api/v1/ledger', {
          departmentId: jiaoyu,
          counterpartIds: [minmeng],
          kind: 'notice',
          subtype: 'material',
          title,
          startsAt: daysFromNow(-1),
        });
        if (res.statusCode !== 200)
          throw new Error(`ledger ${JSON.stringify(title)}: ${res.statusCode} ${res.body}`);
        const read = (await dept.get(`/api/v1/ledger/${res.json().id}`)).json();
        const row = await t.db
          .selectFrom('ledger_records')
          .select('title')
          .where('id', '=', res.json().id)
          .executeTakeFirstOrThrow();
        return sameBytes(read.title, title) && sameBytes(row.title, title);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
