// scopeWhere, the one translation of a scope into SQL, run as real queries on each engine over a small tree:
// 省 → 甲区 → 甲街道 (a sub-region), and 乙区 beside 甲区; in each a department, and in 甲区 a counterpart paired
// with the departments of 甲区 and 甲街道.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { insertPairing } from '../modules/pairings/index.js';
import { insertRegion } from '../modules/regions/index.js';
import { makeOrganisation } from '../test/factories.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../test/helper.js';
import {
  counterpartOf,
  overseenRegion,
  recordScopeOf,
  regionScope,
  type Scope,
  scopeOf,
  scopeWhere,
  unitScope,
} from './scope.js';

describeEachDialect('scopeWhere', (dialect) => {
  let t: TestApp;
  const r = { province: '', a: '', a1: '', b: '' };
  const o = { deptA: 0, deptA1: 0, deptB: 0, cpA: 0 };
  const unit = (kind: 'department' | 'counterpart', id: number, regionPath: string): Scope =>
    unitScope(kind, { id, region_id: 0, region_path: regionPath });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: false });
    const province = await insertRegion(t.db, { parentId: null, name: '省', level: 'province' });
    const a = await insertRegion(t.db, { parentId: province.id, name: '甲区', level: 'county' });
    const a1 = await insertRegion(t.db, { parentId: a.id, name: '甲街道', level: 'town' });
    const b = await insertRegion(t.db, { parentId: province.id, name: '乙区', level: 'county' });
    Object.assign(r, { province: province.path, a: a.path, a1: a1.path, b: b.path });
    const org = async (name: string, kind: 'department' | 'counterpart', regionId: number) =>
      (await makeOrganisation(t.db, { name, kind, regionId })).id;
    o.deptA = await org('甲区教育局', 'department', a.id);
    o.deptA1 = await org('甲街道办', 'department', a1.id);
    o.deptB = await org('乙区教育局', 'department', b.id);
    o.cpA = await org('民盟甲区支部', 'counterpart', a.id);
    for (const [departmentId, regionId] of [
      [o.deptA, a.id],
      [o.deptA1, a1.id],
    ] as const) {
      await insertPairing(t.db, {
        regionId,
        counterpartId: o.cpA,
        departmentId,
        validFrom: 2019,
        validTo: null,
        source: null,
        shared: false,
      });
    }
  });
  afterAll(async () => t.close());

  /** Names of the units a scope sees, the region given as a joined path (`r.path`). */
  const unitsSeen = async (scope: Scope, withCounterpart = true): Promise<string[]> => {
    const rows = await t.db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.id', 'o.region_id')
      .select('o.name')
      .where((eb) =>
        scopeWhere(eb, scope, {
          region: { path: 'r.path' },
          department: 'o.id',
          counterpart: withCounterpart
            ? (u) =>
                eb.or([
                  eb('o.id', '=', u.organisationId),
                  eb(
                    'o.id',
                    'in',
                    eb
                      .selectFrom('pairings')
                      .select('department_id')
                      .where('counterpart_id', '=', u.organisationId),
                  ),
                ])
            : undefined,
        }),
      )
      .orderBy('o.id')
      .execute();
    return rows.map((x) => x.name);
  };

  /** Pairings a scope sees, the region given as an id column (`p.region_id`), a unit on either side. */
  const pairingsSeen = async (scope: Scope): Promise<[string, string][]> => {
    const rows = await t.db
      .selectFrom('pairings as p')
      .innerJoin('organisations as d', 'd.id', 'p.department_id')
      .innerJoin('organisations as c', 'c.id', 'p.counterpart_id')
      .select(['d.name as d', 'c.name as c'])
      .where((eb) =>
        scopeWhere(eb, scope, {
          region: { id: 'p.region_id' },
          organisation: ['p.department_id', 'p.counterpart_id'],
        }),
      )
      .orderBy('p.id')
      .execute();
    return rows.map((x) => [x.d, x.c]);
  };

  it('a region sees itself and everything under it, by path or by region id', async () => {
    expect(await unitsSeen(regionScope(r.a))).toEqual(['甲区教育局', '甲街道办', '民盟甲区支部']);
    expect(await unitsSeen(regionScope(r.province))).toEqual([
      '甲区教育局',
      '甲街道办',
      '乙区教育局',
      '民盟甲区支部',
    ]);
    expect(await pairingsSeen(regionScope(r.a))).toEqual([
      ['甲区教育局', '民盟甲区支部'],
      ['甲街道办', '民盟甲区支部'],
    ]);
  });

  it('a sub-region sees only itself, never its parent or a sibling', async () => {
    expect(await unitsSeen(regionScope(r.a1))).toEqual(['甲街道办']);
    expect(await pairingsSeen(regionScope(r.a1))).toEqual([['甲街道办', '民盟甲区支部']]);
    expect(await unitsSeen(regionScope(r.b))).toEqual(['乙区教育局']);
    expect(await pairingsSeen(regionScope(r.b))).toEqual([]);
  });

  it("a unit sees the rows its side's entry names: one column, several, or a condition", async () => {
    expect(await unitsSeen(unit('department', o.deptA1, r.a1))).toEqual(['甲街道办']);
    // the counterpart's condition: itself and the departments paired with it
    expect(await unitsSeen(unit('counterpart', o.cpA, r.a))).toEqual([
      '甲区教育局',
      '甲街道办',
      '民盟甲区支部',
    ]);
    // `organisation` stands for both sides: a pairing with the unit on either side
    expect(await pairingsSeen(unit('department', o.deptA, r.a))).toEqual([['甲区教育局', '民盟甲区支部']]);
    expect(await pairingsSeen(unit('counterpart', o.cpA, r.a))).toHaveLength(2);
    expect(await pairingsSeen(unit('department', o.deptB, r.b))).toEqual([]);
  });

  it('a side with no entry, and the none scope, see nothing', async () => {
    expect(await unitsSeen(unit('counterpart', o.cpA, r.a), false)).toEqual([]);
    expect(await unitsSeen({ kind: 'none' })).toEqual([]);
    expect(await pairingsSeen({ kind: 'none' })).toEqual([]);
  });

  it('a region condition of its own replaces the path match', async () => {
    const seen = await t.db
      .selectFrom('organisations as o')
      .select('o.name')
      .where((eb) =>
        scopeWhere(eb, regionScope(r.a), {
          region: (path) => eb('o.name', '=', path === r.a ? '乙区教育局' : '-'),
        }),
      )
      .execute();
    expect(seen.map((x) => x.name)).toEqual(['乙区教育局']);
  });
});

describe('scope of an actor', () => {
  const actor = (role: Actor['role']): Actor => ({
    userId: 1,
    username: 'u',
    displayName: 'u',
    role,
    organisationId: 7,
    organisationName: '单位',
    organisationKind: 'department',
    regionId: 3,
    regionPath: '/1/3/',
    mustChangePassword: false,
  });

  it('overseers a region; units their own side; the system admin directory data only; the others nothing', () => {
    expect(scopeOf(actor('tzb'))).toEqual({ kind: 'region', regionPath: '/1/3/' });
    expect(recordScopeOf(actor('qfb'))).toEqual({ kind: 'region', regionPath: '/1/3/' });
    expect(scopeOf(actor('counterpart'))).toEqual({
      kind: 'counterpart',
      organisationId: 7,
      regionId: 3,
      regionPath: '/1/3/',
    });
    expect(recordScopeOf(actor('department'))).toMatchObject({ kind: 'department', organisationId: 7 });
    expect(scopeOf(actor('sysadmin'))).toEqual({ kind: 'region', regionPath: '/1/3/' });
    expect(recordScopeOf(actor('sysadmin'))).toEqual({ kind: 'none' });
    for (const role of ['secadmin', 'auditadmin'] as const) {
      expect(scopeOf(actor(role))).toEqual({ kind: 'none' });
      expect(recordScopeOf(actor(role))).toEqual({ kind: 'none' });
    }
  });

  it('names the overseen region and the counterpart a scope is limited to, and nothing else', () => {
    expect(overseenRegion(scopeOf(actor('tzb')))).toBe('/1/3/');
    expect(overseenRegion(scopeOf(actor('department')))).toBeNull();
    expect(overseenRegion({ kind: 'none' })).toBeNull();
    expect(counterpartOf(scopeOf(actor('counterpart')))).toBe(7);
    expect(counterpartOf(scopeOf(actor('department')))).toBeNull();
    expect(counterpartOf(scopeOf(actor('tzb')))).toBeNull();
  });
});
