// Who does what with 附件2 filings — deny by default.
import { isUnitUser, type Rule } from '../../access/rules.js';
import type { Actor } from '../../context.js';

export const filingsPolicy = {
  /** a unit's own user fills in (and sees the state of) its own form in each round of its region */
  fileOwn: (actor: Actor, _f: null) => isUnitUser(actor),
} satisfies Record<string, Rule<never>>;
