// One rulebook: no service compares roles itself — every "who may" is a rule of a module's policy
// (`<feature>.policy.ts`) or of server/access, asserted with `authorize` and sent to the web app as abilities.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LedgerCast, ledgerCast, record } from '../modules/ledger/ledger.fixtures.js';
import { insertPairing } from '../modules/pairings/index.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../test/helper.js';

const ROOT = join(import.meta.dirname, '..');
const ROLE_CHECK =
  /(\.role|\brole)\s*[!=]==?\s*['"](tzb|qfb|department|counterpart|sysadmin|secadmin|auditadmin)['"]|switch\s*\((ctx\.)?actor\.role\)|ROLES\.includes\((ctx\.)?actor\.role\)/;
/** Exceptions to the rule, listed so they are visible and cannot grow: none. */
const PENDING = new Set<string>();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `file:line: text` of every line of the server's sources (tests aside) matching `pattern`, but in `skip`. */
function linesMatching(pattern: RegExp, skip: (rel: string, line: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of sources(ROOT)) {
    const rel = relative(ROOT, file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line) && !skip(rel, line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('role checks live in the policies', () => {
  it('no role comparison outside server/access and *.policy.ts', () => {
    const found = linesMatching(
      ROLE_CHECK,
      (rel, line) =>
        rel.startsWith('access/') ||
        rel.startsWith('test/') ||
        rel.endsWith('.policy.ts') ||
        [...PENDING].some((p) => p.startsWith(`${rel}:`) && line.includes(p.split(':')[1] ?? '')),
    );
    expect(found).toEqual([]);
  });

  it('the pattern catches the forms it is meant to', () => {
    for (const line of [
      "if (ctx.actor.role === 'tzb') return;",
      "const ok = role !== 'counterpart';",
      'switch (actor.role) {',
      'ADMIN_ROLES.includes(actor.role)',
    ])
      expect(line).toMatch(ROLE_CHECK);
    expect("r.role === role && x.role === 'leader'").not.toMatch(ROLE_CHECK);
  });
});

// One translation of a scope into SQL: no module switches on a scope's kind — it gives `scopeWhere` its columns
// (server/access/scope.ts) and asks `overseenRegion` / `counterpartOf` for the rest.
const SCOPE_SWITCH =
  /\b\w*[sS]cope\w*(\([^)]*\))?\??\.kind\b|\{\s*kind\s*\}\s*=\s*\w*[sS]cope|\bkind\s*[!=]==?\s*['"](region|organisation|none)['"]|case\s+['"](region|organisation|none)['"]\s*:/;

describe('scope kinds are read in server/access only', () => {
  it('no switch on a scope kind outside server/access', () => {
    expect(linesMatching(SCOPE_SWITCH, (rel) => rel.startsWith('access/'))).toEqual([]);
  });

  it('the pattern catches the forms it is meant to', () => {
    for (const line of [
      "if (scope.kind === 'none') return [];",
      "else if (f.scope.kind === 'department') q = q.where('l.department_id', '=', id);",
      'switch (scope.kind) {',
      "const cp = ledgerScope(actor).kind === 'counterpart';",
      'const { kind } = scope;',
      "if (s.kind !== 'region') throw forbidden();",
      "case 'organisation':",
    ])
      expect(line).toMatch(SCOPE_SWITCH);
    for (const line of [
      "if (o.kind === 'department') departments.set(o.id, entry);",
      "r.kind === 'invitation' && r.direction === 'cp_to_dept'",
      "scopeWhere(eb, scope, { region: { path: 'r.path' }, organisation: 'o.id' })",
    ])
      expect(line).not.toMatch(SCOPE_SWITCH);
  });
});

describeEachDialect('ledger policy: a counterpart names only itself', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    // 民建 paired with 区教育局 too: two counterparts of the same department
    const { region_id } = await t.db
      .selectFrom('organisations')
      .select('region_id')
      .where('id', '=', c.ids.jiaoyu)
      .executeTakeFirstOrThrow();
    await insertPairing(t.db, {
      regionId: region_id,
      counterpartId: c.ids.minjian,
      departmentId: c.ids.jiaoyu,
      validFrom: 2019,
      validTo: null,
      source: null,
      shared: false,
    });
  });
  afterAll(async () => t.close());

  it('refuses a counterpart adding another counterpart of the same department to its record (403)', async () => {
    // 民盟 and 民建 are both paired with 区教育局; 民盟 may not put 民建 on its own symposium record
    const body = {
      departmentId: c.ids.jiaoyu,
      kind: 'symposium',
      title: '联合座谈会',
      startsAt: '2024-05-10T09:00:00+08:00',
    };
    const refused = await c.cp.post('/api/v1/ledger', {
      ...body,
      counterpartIds: [c.ids.minmeng, c.ids.minjian],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const own = await record(c.cp, { ...body, counterpartIds: [c.ids.minmeng] });
    expect(own.counterparts).toEqual([{ id: c.ids.minmeng, name: '民盟奉化支部' }]);
    // the department itself may name several of its counterparts
    const joint = await record(c.dept, { ...body, counterpartIds: [c.ids.minmeng, c.ids.minjian] });
    expect(joint.counterparts).toHaveLength(2);
  });
});
