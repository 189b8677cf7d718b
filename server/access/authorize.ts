// authorize(actor, 'ledger.create', facts): assert a rule of a module's policy (FORBIDDEN otherwise), and
// allowed(...) for the same rule as a boolean (abilities). The registry names every policy once.
import type { Actor } from '../context.js';
import { forbidden } from '../errors.js';
import { attachmentsPolicy } from '../modules/attachments/attachments.policy.js';
import { conferencePolicy } from '../modules/conference/conference.policy.js';
import { consultationsPolicy } from '../modules/consultations/consultations.policy.js';
import { filingsPolicy } from '../modules/filings/filings.policy.js';
import { ledgerPolicy } from '../modules/ledger/ledger.policy.js';
import { plansPolicy } from '../modules/plans/plans.policy.js';
import { reportsPolicy } from '../modules/reports/reports.policy.js';
import { rosterPolicy } from '../modules/roster/roster.policy.js';

export const POLICIES = {
  attachments: attachmentsPolicy,
  conference: conferencePolicy,
  consultations: consultationsPolicy,
  filings: filingsPolicy,
  ledger: ledgerPolicy,
  plans: plansPolicy,
  reports: reportsPolicy,
  roster: rosterPolicy,
} as const;

type Policies = typeof POLICIES;
export type Action = {
  [P in keyof Policies]: `${P & string}.${keyof Policies[P] & string}`;
}[keyof Policies];
type RuleOf<A extends Action> = A extends `${infer P}.${infer K}`
  ? P extends keyof Policies
    ? K extends keyof Policies[P]
      ? Policies[P][K]
      : never
    : never
  : never;
export type FactsOf<A extends Action> =
  RuleOf<A> extends (actor: Actor, facts: infer F) => boolean ? F : never;

/** Whether the actor may do `action` given the facts (for abilities). */
export function allowed<A extends Action>(actor: Actor, action: A, facts: FactsOf<A>): boolean {
  const [policy, rule] = action.split('.') as [keyof Policies, string];
  const fn = (POLICIES[policy] as Record<string, (a: Actor, f: unknown) => boolean>)[rule];
  if (!fn) throw new Error(`no rule ${action}`);
  return fn(actor, facts);
}

/** Assert that the actor may do `action`: FORBIDDEN otherwise (recorded as a refusal by the error handler). */
export function authorize<A extends Action>(actor: Actor, action: A, facts: FactsOf<A>): void {
  if (!allowed(actor, action, facts)) throw forbidden();
}
