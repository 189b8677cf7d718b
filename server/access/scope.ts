import type { Actor } from '../context.js';
import { isUnitUser, roleIs } from './rules.js';

/**
 * How far an actor sees, as data the repositories turn into WHERE clauses:
 * - overseers (统战部, 区府办) and the system admin: their region and everything under it;
 * - department and counterpart users: their own organisation (and, for directory data, their region);
 * - the security and audit admins: no business data at all.
 */
export type Scope =
  | { kind: 'region'; regionPath: string }
  | { kind: 'organisation'; organisationId: number; regionPath: string }
  | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  if (roleIs(actor, 'tzb', 'qfb', 'sysadmin')) return { kind: 'region', regionPath: actor.regionPath };
  if (isUnitUser(actor)) {
    return { kind: 'organisation', organisationId: actor.organisationId, regionPath: actor.regionPath };
  }
  return { kind: 'none' };
}

export { isOverseer } from './rules.js';

/** True when a region (by path) lies inside the actor's region. */
export function regionWithin(actor: Actor, regionPath: string): boolean {
  return regionPath.startsWith(actor.regionPath);
}
