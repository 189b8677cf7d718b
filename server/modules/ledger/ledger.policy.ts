// Who may do what with a ledger record — deny by default.
import { can } from '../../../common/roles.js';
import { isCounterpart, isDepartment, isTzb, isUnitUser, type Rule } from '../../access/rules.js';
import { recordScopeOf, type Scope } from '../../access/scope.js';
import type { Actor } from '../../context.js';

/**
 * How far an actor sees the ledger: 统战部 and 区府办 every record in their region and under it; a department
 * its own records; a counterpart the records that involve it; the three admins nothing (`recordScopeOf`).
 */
export const ledgerScope = (actor: Actor): Scope => recordScopeOf(actor);

/** The facts about a record that decide what an actor may do with it. */
export interface RecordFacts {
  kind: string;
  subtype: string;
  direction: string | null;
  status: string;
  startsAt: string;
  departmentId: number;
  hostId: number;
  counterpartIds: readonly number[];
  takenUpBy: number | null;
}

export type LedgerAbilities = {
  canEdit: boolean;
  canReply: boolean;
  canRecordAttendance: boolean;
  canAcknowledge: boolean;
  canTakeUp: boolean;
  canAdopt: boolean;
  canRecordMinutes: boolean;
  canAttach: boolean;
};

/** The organisations invited (invitations) or addressed (notices): they reply / acknowledge. */
export function inviteesOf(r: Pick<RecordFacts, 'kind' | 'direction' | 'departmentId' | 'counterpartIds'>) {
  if (r.kind === 'invitation' && r.direction === 'cp_to_dept') return [r.departmentId];
  if (r.kind === 'invitation' || r.kind === 'notice') return [...r.counterpartIds];
  return [];
}

/** Abilities of an actor who can see the record (visibility is checked before, by the scope). */
export function abilitiesFor(actor: Actor, r: RecordFacts, now = new Date().toISOString()): LedgerAbilities {
  const org = actor.organisationId;
  const isParty =
    (isDepartment(actor) && r.departmentId === org) ||
    (isCounterpart(actor) && r.counterpartIds.includes(org));
  const isHost = isParty && r.hostId === org;
  const started = r.startsAt <= now;
  const invitee = isParty && inviteesOf(r).includes(org);
  return {
    // the host edits its record; 统战部 may correct any record in its region
    canEdit: isHost || isTzb(actor),
    canReply: r.kind === 'invitation' && invitee && r.status !== 'attended',
    canRecordAttendance: r.kind === 'invitation' && isHost && started,
    canAcknowledge: r.kind === 'notice' && invitee,
    canTakeUp:
      r.kind === 'research' &&
      r.subtype === 'offered' &&
      r.takenUpBy === null &&
      isCounterpart(actor) &&
      isParty,
    canAdopt:
      r.kind === 'research' &&
      isDepartment(actor) &&
      isParty &&
      (r.subtype !== 'offered' || r.takenUpBy !== null),
    canRecordMinutes: r.kind === 'symposium' && isParty && started,
    canAttach: isParty || isTzb(actor),
  };
}

/** What decides who may create a record: its kind and side, and whom it names. */
export interface CreateFacts {
  kind: string;
  subtype?: string;
  direction?: string | null | undefined;
  departmentId: number;
  counterpartIds: readonly number[];
}

/**
 * Who hosts a new record, by kind and side: a department sends notices, commissions and offers research and
 * invites its counterparts; a counterpart invites the department; either side may record joint research,
 * social service and symposia. A counterpart's record names itself only — never another counterpart of the
 * same department. 统战部 and 区府办 do not create records (统战部 corrects them).
 */
const create: Rule<CreateFacts> = (actor, f) => {
  const org = actor.organisationId;
  if (isDepartment(actor)) {
    return f.departmentId === org && !(f.kind === 'invitation' && f.direction === 'cp_to_dept');
  }
  if (!isCounterpart(actor)) return false;
  const departmentOnly =
    f.kind === 'notice' ||
    (f.kind === 'research' && f.subtype !== 'joint') ||
    (f.kind === 'invitation' && f.direction === 'dept_to_cp');
  return !departmentOnly && f.counterpartIds.length > 0 && f.counterpartIds.every((id) => id === org);
};

/** The ledger's rules: services assert them (`authorize`), presenters turn them into abilities. */
export const ledgerPolicy = {
  /** the list's "new record" button */
  offerCreate: (actor: Actor, _f: null) => isUnitUser(actor) && can(actor.role, 'ledger:write'),
  create,
  edit: (actor: Actor, r: RecordFacts) => abilitiesFor(actor, r).canEdit,
  /** an invitee (department or counterpart) answers an invitation */
  reply: (actor: Actor, r: RecordFacts) => isUnitUser(actor) && inviteesOf(r).includes(actor.organisationId),
  /** the host records who attended */
  recordAttendance: (actor: Actor, r: Pick<RecordFacts, 'hostId'>) =>
    isUnitUser(actor) && r.hostId === actor.organisationId,
  /** a counterpart addressed by a notice confirms receipt */
  acknowledge: (actor: Actor, r: Pick<RecordFacts, 'counterpartIds'>) =>
    isCounterpart(actor) && r.counterpartIds.includes(actor.organisationId),
  /** a counterpart of the record takes up an offered topic */
  takeUp: (actor: Actor, r: Pick<RecordFacts, 'counterpartIds'>) =>
    isCounterpart(actor) && r.counterpartIds.includes(actor.organisationId),
  /** the record's department records the adoption of research results */
  adopt: (actor: Actor, r: Pick<RecordFacts, 'departmentId'>) =>
    isDepartment(actor) && r.departmentId === actor.organisationId,
  recordMinutes: (actor: Actor, r: RecordFacts) => abilitiesFor(actor, r).canRecordMinutes,
  /** a party whose symposium has not started yet: told so, rather than refused */
  isUnitUser: (actor: Actor, _f: null) => isUnitUser(actor),
  attach: (actor: Actor, r: RecordFacts) => abilitiesFor(actor, r).canAttach,
} satisfies Record<string, Rule<never>>;
