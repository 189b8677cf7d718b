// The authorisation matrix, second half (the first is authorization-matrix.test.ts: every route × every role →
// 401/403 by permission). Here: every route with a record in its path × every role that holds the route's
// permission × a record of its own unit / of another unit in its region / of another region. Generated from
// the route table: the case table (record-scope.routes.fixtures.ts) fills each route's parameters with records
// of the world (record-scope.fixtures.ts); a route it cannot fill is listed, and a new route of a module
// covered here fails the test until it is.
//
// Expected: another region's record is 404 for everyone (as if it did not exist) and changes nothing; another
// unit's record is 404 for the unit roles (department, counterpart) except directory data; the own record is
// found. "Changes nothing" is checked on the content of every table but audit_log and sessions.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can, type Permission, ROLES, type Role } from '../../common/roles.js';
import type { Database } from '../db/schema.js';
import { buildTestApp, type Client, describeEachDialect, type TestApp } from '../test/helper.js';
import { type CollectedRoute, collectRoutes } from '../test/routes.js';
import { buildFixtures, type Fixtures, signInEveryRole, type Variant } from './record-scope.fixtures.js';
import {
  bodyFor,
  COVERED,
  CREATOR_ONLY,
  DIRECTORY,
  FIXTURES_PENDING,
  hasBody,
  key,
  NOT_A_RECORD,
  OWN_MAY_BE_MISSING,
  pathFor,
} from './record-scope.routes.fixtures.js';

const UNIT_ROLES: Role[] = ['department', 'counterpart'];

/** A digest of every table's content but the ones any request may touch (audit trail, sessions). */
async function contentDigest(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (table.name === 'audit_log' || table.name === 'sessions') continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    const lines = rows
      .map((r) =>
        JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)),
      )
      .sort();
    out[table.name] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  }
  return out;
}

describeEachDialect('record scope: own / other unit / other region', (dialect) => {
  let t: TestApp;
  let routes: CollectedRoute[];
  let f: Fixtures;
  let clients: Map<Role, { client: Client; userId: number }>;

  beforeAll(async () => {
    const collected = await collectRoutes(() => buildTestApp(dialect));
    t = collected.built;
    routes = collected.routes.filter(
      (r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && r.url.includes('/:'),
    );
    f = await buildFixtures(t);
    clients = await signInEveryRole(t);
  });
  afterAll(async () => t.close());

  it('fills every :id route of the modules it covers (generated from the route table)', async () => {
    const inScope = routes.filter((r) => !NOT_A_RECORD.some((n) => r.url.endsWith(n)));
    const covered = inScope.filter((r) => COVERED.some((c) => r.url.startsWith(`/api/v1/${c}`)));
    const uncovered = inScope
      .filter((r) => !covered.includes(r))
      .map(key)
      .filter((k) => !FIXTURES_PENDING.includes(k));
    // a route with a record in its path that the case table does not fill fails here until it does
    expect(uncovered).toEqual([]);
    expect(covered.length).toBeGreaterThan(60);
    // every covered route has a body when it needs one
    const missingBody = covered.filter(
      (r) =>
        hasBody(r.method) &&
        bodyFor(r, f, 'own') === undefined &&
        !['POST /api/v1/filing-rounds/:roundId/close', 'POST /api/v1/filing-rounds/:roundId/remind'].includes(
          key(r),
        ) &&
        !/\/(reset-password|reset-totp|end-sessions|read|take-up)$/.test(r.url),
    );
    expect(missingBody.map(key)).toEqual([]);
    // and can name another region's record for each: a new parameter name fails here until it is taken care of
    const { userId } = clients.get('tzb') as { userId: number };
    const unfilled = [];
    for (const r of covered)
      if ((await pathFor(r, 'tzb', userId, 'otherRegion', f)) === null) unfilled.push(key(r));
    expect(unfilled).toEqual([]);
  });

  it.each(ROLES)(
    '%s: another region’s records are 404 and unchanged; another unit’s too for unit roles',
    async (role) => {
      const { client, userId } = clients.get(role) as { client: Client; userId: number };
      const covered = routes.filter(
        (r) =>
          COVERED.some((c) => r.url.startsWith(`/api/v1/${c}`)) &&
          !NOT_A_RECORD.some((n) => r.url.endsWith(n)) &&
          can(role, r.permission as Permission),
      );
      const payloadOf = (route: CollectedRoute, v: Variant) => {
        const body = hasBody(route.method) ? bodyFor(route, f, v) : null;
        return body == null ? {} : { payload: body as object };
      };
      const problems: string[] = [];
      let denied = 0;
      let allowed = 0;

      // 1. everything that must be refused, then a check that nothing changed (the URLs are made first: making
      //    them creates fresh fixtures, which must not count as a change)
      const refusals: { route: CollectedRoute; v: Variant; path: string }[] = [];
      for (const route of covered) {
        for (const v of ['otherRegion', 'otherUnit'] as Variant[]) {
          const mustDeny =
            v === 'otherRegion' ||
            ((UNIT_ROLES.includes(role) || CREATOR_ONLY(route.url)) && !DIRECTORY(route.url));
          if (!mustDeny) continue;
          const path = await pathFor(route, role, userId, v, f);
          if (path) refusals.push({ route, v, path });
        }
      }
      const before = await contentDigest(t.db);
      for (const { route, v, path } of refusals) {
        const res = await client.request({
          method: route.method as 'GET',
          url: path,
          ...payloadOf(route, v),
        });
        denied++;
        if (res.statusCode !== 404)
          problems.push(`${key(route)} [${v}] → ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
      const after = await contentDigest(t.db);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) problems.push(`refused requests changed ${changed.join(', ')}`);

      // 2. the same routes on the role's own records: found (GET 200; a write never 404 or 5xx)
      for (const route of covered) {
        const path = await pathFor(route, role, userId, 'own', f);
        if (!path) continue;
        const res = await client.request({
          method: route.method as 'GET',
          url: path,
          ...payloadOf(route, 'own'),
        });
        allowed++;
        const at = `${key(route)} [own]`;
        if (res.statusCode >= 500) problems.push(`${at} → ${res.statusCode}`);
        else if (res.statusCode === 404 && !OWN_MAY_BE_MISSING.includes(route.url))
          problems.push(`${at} → 404`);
        else if (route.method === 'GET' && res.statusCode !== 200 && !OWN_MAY_BE_MISSING.includes(route.url))
          problems.push(`${at} → ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
      // 3. a region role sees another unit of its region (GET): the 404s above are scope, not breakage
      if (!UNIT_ROLES.includes(role)) {
        for (const route of covered.filter((r) => r.method === 'GET' && !CREATOR_ONLY(r.url))) {
          const path = await pathFor(route, role, userId, 'otherUnit', f);
          if (!path) continue;
          const res = await client.get(path);
          if (res.statusCode !== 200 && !OWN_MAY_BE_MISSING.includes(route.url))
            problems.push(`${key(route)} [otherUnit, region role] → ${res.statusCode}`);
        }
      }
      expect(problems).toEqual([]);
      if (covered.length) expect(denied + allowed).toBeGreaterThan(0);
    },
  );
});
