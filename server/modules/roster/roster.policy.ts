// Who sees what of a unit's roster (责任人) — deny by default.
import { isUnitUser, type Rule } from '../../access/rules.js';
import type { Actor } from '../../context.js';

export const rosterPolicy = {
  /** one of the unit's own users (its 联络员): they typed its phones, so they see them in full */
  ownUnit: (actor: Actor, u: { organisationId: number }) =>
    isUnitUser(actor) && actor.organisationId === u.organisationId,
} satisfies Record<string, Rule<never>>;
