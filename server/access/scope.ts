import type { Actor } from '../context.js';

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
  switch (actor.role) {
    case 'tzb':
    case 'qfb':
    case 'sysadmin':
      return { kind: 'region', regionPath: actor.regionPath };
    case 'department':
    case 'counterpart':
      return { kind: 'organisation', organisationId: actor.organisationId, regionPath: actor.regionPath };
    default:
      return { kind: 'none' };
  }
}

export const isOverseer = (actor: Actor): boolean => actor.role === 'tzb' || actor.role === 'qfb';

/** True when a region (by path) lies inside the actor's region. */
export function regionWithin(actor: Actor, regionPath: string): boolean {
  return regionPath.startsWith(actor.regionPath);
}
