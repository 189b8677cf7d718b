// Mutual evaluation (互评) at the district conference — which side of a pair the actor rates from.
import { isDepartment, type Rule } from '../../access/rules.js';
import type { Actor } from '../../context.js';

export const conferencePolicy = {
  /** a department rates its counterparts; anyone else with the permission (a counterpart) its departments */
  ratesAsDepartment: (actor: Actor, _f: null) => isDepartment(actor),
} satisfies Record<string, Rule<never>>;
