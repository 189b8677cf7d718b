// Who may do what to an account: the 三员 rules of 等保 level 3, in one place. Services call
// `authorizeAccount(actor, action, facts)`; nothing else in the users, activation, accounts or setup modules
// compares roles.
//
// - The system admin (系统管理员) creates and maintains business accounts but never learns a password: a reset
//   ends the account's sessions and puts it in "awaiting its holder"; the holder gets a one-time code by
//   e-mail, or from their 统战部 (never from the system admin).
// - Roles are granted by the security admin (安全管理员), and only business roles.
// - No admin account is created, elevated, edited or reset through the web: that is `liaison user …` on the
//   server (audited). Nobody signs in as anyone else: there is no impersonation and no password is ever shown.
// - 统战部 issues activation codes for the business accounts of its region (its units' 联络员), creates the
//   units' accounts in bulk, hands accounts over, and adds a district under its region with that district's
//   统战部 account.
import type { OrganisationKind } from '../../../common/organisations.js';
import type { Role } from '../../../common/roles.js';
import { isAdminRole } from '../../access/rules.js';
import type { Actor } from '../../context.js';
import { AppError } from '../../errors.js';

/** The business roles 统战部's unit accounts take, by the kind of the unit. */
export const UNIT_ACCOUNT_ROLE: Partial<Record<OrganisationKind, Role>> = {
  department: 'department',
  counterpart: 'counterpart',
};
/** The kinds of unit that have a 联络员 account. */
export const UNIT_KINDS = Object.keys(UNIT_ACCOUNT_ROLE) as OrganisationKind[];

/** A unit's 联络员 account: the business role its unit's kind takes. */
export const isUnitAccount = (u: { role: string; organisation_kind: string }): boolean =>
  u.role === UNIT_ACCOUNT_ROLE[u.organisation_kind as OrganisationKind];

/** The roster role whose holder holds the unit's account: a new 联络员 proposes the hand-over. */
export const ACCOUNT_HOLDER_ROLE = 'liaison' as const;
export const holdsUnitAccount = (personRole: string): boolean => personRole === ACCOUNT_HOLDER_ROLE;

export type AccountAction =
  | 'create' // POST /users
  | 'edit' // PATCH /users/:id (name, e-mail, unit, disabled — not the role)
  | 'grant-role' // POST /users/:id/role
  | 'reset-password'
  | 'reset-totp'
  | 'end-sessions'
  | 'issue-code' // 统战部: a fresh activation code for an account of its region
  | 'provision' // 统战部: the units' 联络员 accounts in bulk; hand-overs
  | 'create-district'; // 统战部: a district under its region with its own 统战部 account

export interface AccountFacts {
  /** the account acted on (absent for provision / create-district) */
  target?: { id: number; role: Role | string };
  /** the role the account would have afterwards (create, grant-role) */
  newRole?: Role;
}

type Rule = (actor: Actor, facts: AccountFacts) => true | 'forbidden' | 'cli-only';

const notAdmin = (facts: AccountFacts): boolean =>
  !(facts.target && isAdminRole(facts.target.role)) && !(facts.newRole && isAdminRole(facts.newRole));
const notSelf = (actor: Actor, facts: AccountFacts): boolean => facts.target?.id !== actor.userId;

/** One rule per action: who (by role) and on what account. */
const RULES: Record<AccountAction, Rule> = {
  create: (a, f) => (a.role !== 'sysadmin' ? 'forbidden' : notAdmin(f) ? true : 'cli-only'),
  edit: (a, f) => (a.role !== 'sysadmin' ? 'forbidden' : notAdmin(f) ? true : 'cli-only'),
  'grant-role': (a, f) =>
    a.role !== 'secadmin' ? 'forbidden' : notAdmin(f) && notSelf(a, f) ? true : 'cli-only',
  'reset-password': (a, f) =>
    a.role !== 'sysadmin' ? 'forbidden' : notAdmin(f) && notSelf(a, f) ? true : 'cli-only',
  'reset-totp': (a, f) =>
    a.role !== 'sysadmin' ? 'forbidden' : notAdmin(f) && notSelf(a, f) ? true : 'cli-only',
  'end-sessions': (a) => (a.role === 'sysadmin' ? true : 'forbidden'),
  'issue-code': (a, f) =>
    a.role !== 'tzb' ? 'forbidden' : notAdmin(f) && notSelf(a, f) ? true : 'forbidden',
  provision: (a) => (a.role === 'tzb' ? true : 'forbidden'),
  'create-district': (a) => (a.role === 'tzb' ? true : 'forbidden'),
};

export function mayDoToAccount(actor: Actor, action: AccountAction, facts: AccountFacts = {}): boolean {
  return RULES[action](actor, facts) === true;
}

/** Assert the rule: FORBIDDEN, or ADMIN_ACCOUNT_CLI_ONLY when only the server's command line may do it. */
export function authorizeAccount(actor: Actor, action: AccountAction, facts: AccountFacts = {}): void {
  const verdict = RULES[action](actor, facts);
  if (verdict === 'forbidden') throw new AppError('FORBIDDEN');
  if (verdict === 'cli-only') throw new AppError('ADMIN_ACCOUNT_CLI_ONLY');
}

/** Whom a code is shown to when the holder has no e-mail: their own 统战部 (the reviewers of their region). */
export const CODE_KEEPER_ROLE: Role = 'tzb';
