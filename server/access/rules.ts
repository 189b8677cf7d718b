// The shape of a policy: named rules, each a pure predicate over the actor and the facts of one thing.
// A module's `<feature>.policy.ts` exports its rules; services assert them with `authorize` and presenters
// turn the same rules into the `abilities` the web app receives — one rule, both uses.
import { ADMIN_ROLES, OVERSEER_ROLES, type Role } from '../../common/roles.js';
import type { Actor } from '../context.js';

export type Rule<F> = (actor: Actor, facts: F) => boolean;

/** The actor's role, for the policies: the only place besides server/access where roles are compared. */
export const roleIs = (actor: Actor, ...roles: Actor['role'][]): boolean => roles.includes(actor.role);

/** A department or counterpart user acting for its own unit. */
export const isUnitUser = (actor: Actor): boolean => roleIs(actor, 'department', 'counterpart');
export const isDepartment = (actor: Actor): boolean => roleIs(actor, 'department');
export const isCounterpart = (actor: Actor): boolean => roleIs(actor, 'counterpart');
/** 统战部: supervises and corrects. */
export const isTzb = (actor: Actor): boolean => roleIs(actor, 'tzb');
/** 统战部 and 区府办: read their region and everything under it. */
export const isOverseer = (actor: Actor): boolean => isOverseerRole(actor.role);
/** The same of a role alone (an account not yet signed in: the demo seed's display names). */
export const isOverseerRole = (role: Role | string): boolean =>
  (OVERSEER_ROLES as readonly string[]).includes(role);

/** A role of the 三员 (system, security and audit admin): the users policy's rules and the sign-in's second factor. */
export const isAdminRole = (role: Role | string): boolean =>
  (ADMIN_ROLES as readonly string[]).includes(role);
