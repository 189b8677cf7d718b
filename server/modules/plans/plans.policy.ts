// Who may do what with an annual plan (年度对口联系工作计划) — deny by default.
import { isDepartment, isTzb, type Rule } from '../../access/rules.js';
import type { Actor } from '../../context.js';

export const plansPolicy = {
  /** the list's "new plan" button */
  offerCreate: (actor: Actor, _f: null) => isDepartment(actor),
  /** a department writes its own plan */
  create: (actor: Actor, p: { departmentId: number }) =>
    isDepartment(actor) && actor.organisationId === p.departmentId,
  /** the department keeps its plan; 统战部 may correct it */
  edit: (actor: Actor, p: { departmentId: number }) =>
    (isDepartment(actor) && actor.organisationId === p.departmentId) || isTzb(actor),
} satisfies Record<string, Rule<never>>;
