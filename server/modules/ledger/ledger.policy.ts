// Who may do what with a ledger record — deny by default.
import type { Actor } from '../../context.js';

/**
 * How far an actor sees the ledger:
 * - 统战部 and 区府办: every record in their region and under it;
 * - a department: its own records; a counterpart: the records that involve it;
 * - the three admins (and anyone else): nothing. Unlike `scopeOf`, sysadmin gets no region here.
 */
export type LedgerScope =
  | { kind: 'region'; regionPath: string }
  | { kind: 'department'; organisationId: number }
  | { kind: 'counterpart'; organisationId: number }
  | { kind: 'none' };

export function ledgerScope(actor: Actor): LedgerScope {
  switch (actor.role) {
    case 'tzb':
    case 'qfb':
      return { kind: 'region', regionPath: actor.regionPath };
    case 'department':
      return { kind: 'department', organisationId: actor.organisationId };
    case 'counterpart':
      return { kind: 'counterpart', organisationId: actor.organisationId };
    default:
      return { kind: 'none' };
  }
}

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
    (actor.role === 'department' && r.departmentId === org) ||
    (actor.role === 'counterpart' && r.counterpartIds.includes(org));
  const isHost = isParty && r.hostId === org;
  const started = r.startsAt <= now;
  const invitee = isParty && inviteesOf(r).includes(org);
  return {
    // the host edits its record; 统战部 may correct any record in its region
    canEdit: isHost || actor.role === 'tzb',
    canReply: r.kind === 'invitation' && invitee && r.status !== 'attended',
    canRecordAttendance: r.kind === 'invitation' && isHost && started,
    canAcknowledge: r.kind === 'notice' && invitee,
    canTakeUp:
      r.kind === 'research' &&
      r.subtype === 'offered' &&
      r.takenUpBy === null &&
      actor.role === 'counterpart' &&
      isParty,
    canAdopt:
      r.kind === 'research' &&
      actor.role === 'department' &&
      isParty &&
      (r.subtype !== 'offered' || r.takenUpBy !== null),
    canRecordMinutes: r.kind === 'symposium' && isParty && started,
    canAttach: isParty || actor.role === 'tzb',
  };
}
