// Who reads and writes 附件3 annual reports — deny by default.
import { isDepartment, isOverseer, isUnitUser, type Rule } from '../../access/rules.js';
import type { Actor } from '../../context.js';

export const reportsPolicy = {
  /** the overseers read their region's reports, departments and counterparts those the pairings give them */
  read: (actor: Actor, _f: null) => isOverseer(actor) || isUnitUser(actor),
  /** a department writes its own report */
  own: (actor: Actor, r: { departmentId: number }) =>
    isDepartment(actor) && actor.organisationId === r.departmentId,
} satisfies Record<string, Rule<never>>;
