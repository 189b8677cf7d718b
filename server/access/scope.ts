import { type Expression, type ExpressionBuilder, type SqlBool, type StringReference, sql } from 'kysely';
import type { Actor } from '../context.js';
import { isCounterpart, isDepartment, isOverseer, roleIs } from './rules.js';

/**
 * How far an actor sees, as data that `scopeWhere` — and nothing else — turns into a WHERE clause:
 * - region: 统战部 and 区府办 (and, for directory data, the system admin): their region and everything under it;
 * - department / counterpart: a unit user — its own organisation's rows (each module says which rows are a
 *   unit's: its own, the ones naming it, the ones of the units paired with it…), and, for directory data,
 *   its region;
 * - none: nothing (the security and audit admins; the system admin for business records).
 */
export type Scope = { kind: 'region'; regionPath: string } | UnitScope | { kind: 'none' };

/** A unit user's scope: its organisation (department or counterpart side) and the region it belongs to. */
export interface UnitScope {
  kind: 'department' | 'counterpart';
  organisationId: number;
  regionId: number;
  regionPath: string;
}

const NONE: Scope = { kind: 'none' };

function unitScopeOf(actor: Actor): Scope {
  if (!isDepartment(actor) && !isCounterpart(actor)) return NONE;
  return {
    kind: isDepartment(actor) ? 'department' : 'counterpart',
    organisationId: actor.organisationId,
    regionId: actor.regionId,
    regionPath: actor.regionPath,
  };
}

/** Directory data (units, rosters, pairings, filing rounds, reports): the system admin sees its region too. */
export function scopeOf(actor: Actor): Scope {
  if (roleIs(actor, 'tzb', 'qfb', 'sysadmin')) return { kind: 'region', regionPath: actor.regionPath };
  return unitScopeOf(actor);
}

/**
 * Business records (ledger, consultations, plans, evaluations, search, calendar): like `scopeOf`, but the
 * system admin manages accounts and sees none of them (三员).
 */
export function recordScopeOf(actor: Actor): Scope {
  if (isOverseer(actor)) return { kind: 'region', regionPath: actor.regionPath };
  return unitScopeOf(actor);
}

/** A region scope over `regionPath` (a region's pack, dashboard or figures, read by its overseers). */
export const regionScope = (regionPath: string): Scope => ({ kind: 'region', regionPath });

/** The rows of one unit, read on its behalf (its report's facts, a dashboard cell of it). */
export const unitScope = (
  kind: UnitScope['kind'],
  unit: { id: number; region_id: number; region_path: string },
): Scope => ({ kind, organisationId: unit.id, regionId: unit.region_id, regionPath: unit.region_path });

/** The region an overseer's scope covers, else null: for what only a region's overseers get. */
export function overseenRegion(scope: Scope): string | null {
  return scope.kind === 'region' ? scope.regionPath : null;
}

/** The counterpart a counterpart's scope is limited to, else null: it sees only its own part of shared rows. */
export function counterpartOf(scope: Scope): number | null {
  return scope.kind === 'counterpart' ? scope.organisationId : null;
}

/** The rows of a unit scope: a column equal to the organisation, any of several, or a condition of one's own. */
type UnitRows<DB, TB extends keyof DB> =
  | StringReference<DB, TB>
  | readonly StringReference<DB, TB>[]
  | ((scope: UnitScope) => Expression<SqlBool>);

/** Where a region lies: a joined `regions.path` (`{ path: 'r.path' }`) or a region id (`{ id: 'l.region_id' }`). */
export type RegionColumn<DB, TB extends keyof DB> =
  | { path: StringReference<DB, TB> }
  | { id: StringReference<DB, TB> };

/**
 * Which columns of a query answer to a scope. `region`: rows in the region or under it (or a condition of the
 * region's path); `department` / `counterpart`: the rows of that side's unit; `organisation`: both sides alike
 * (a side's own entry wins). A side with no entry sees nothing — deny by default.
 */
export interface ScopeColumns<DB, TB extends keyof DB> {
  region: RegionColumn<DB, TB> | ((regionPath: string) => Expression<SqlBool>);
  department?: UnitRows<DB, TB>;
  counterpart?: UnitRows<DB, TB>;
  organisation?: UnitRows<DB, TB>;
}

const nothing = (): Expression<SqlBool> => sql<SqlBool>`1 = 0`;

/** Rows whose region is `regionPath` or lies under it. */
export function inRegion<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  column: RegionColumn<DB, TB>,
  regionPath: string,
): Expression<SqlBool> {
  const prefix = `${regionPath}%`;
  if ('path' in column) return sql<SqlBool>`${sql.ref(column.path)} like ${prefix}`;
  return sql<SqlBool>`${sql.ref(column.id)} in (select ${sql.ref('regions.id')} from ${sql.table('regions')} where ${sql.ref('regions.path')} like ${prefix})`;
}

/**
 * The one translation of a scope into a WHERE clause, for `.where((eb) => scopeWhere(eb, scope, columns))`.
 * No module switches on a scope's kind (`policies.test.ts` greps for it): it says which columns are whose.
 */
export function scopeWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  columns: ScopeColumns<DB, TB>,
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'region':
      return typeof columns.region === 'function'
        ? columns.region(scope.regionPath)
        : inRegion(eb, columns.region, scope.regionPath);
    case 'department':
    case 'counterpart': {
      const rows = columns[scope.kind] ?? columns.organisation;
      if (rows === undefined) return nothing();
      if (typeof rows === 'function') return rows(scope);
      const refs: readonly string[] = typeof rows === 'string' ? [rows] : rows;
      const equal = refs.map((ref) => sql<SqlBool>`${sql.ref(ref)} = ${scope.organisationId}`);
      return equal.length === 1 ? (equal[0] as Expression<SqlBool>) : eb.or(equal);
    }
    default:
      return nothing();
  }
}

export { isOverseer } from './rules.js';

/** True when a region (by path) lies inside the actor's region. */
export function regionWithin(actor: Actor, regionPath: string): boolean {
  return regionPath.startsWith(actor.regionPath);
}
