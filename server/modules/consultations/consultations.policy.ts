// Who sees and does what in 重大事项民主协商 — deny by default.
import type { ItemDto, MatterDto } from '../../../common/schemas/consultations.js';
import type { Actor } from '../../context.js';

/**
 * How far an actor sees consultations:
 * - 统战部 and 区府办: every matter in their region and under it;
 * - a department: its own matters; a counterpart: the matters it is consulted on (every item's text, but the
 *   replies of its own items only, and never the department's internal analysis);
 * - the three admins (and anyone else): nothing.
 */
export type ConsultationScope =
  | { kind: 'region'; regionPath: string }
  | { kind: 'department'; organisationId: number }
  | { kind: 'counterpart'; organisationId: number }
  | { kind: 'none' };

export function consultationScope(actor: Actor): ConsultationScope {
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

/** The department that owns the matter: it registers, schedules, decides, analyses and replies. */
export const isOwner = (actor: Actor, departmentId: number): boolean =>
  actor.role === 'department' && actor.organisationId === departmentId;

export const isSupervisor = (actor: Actor): boolean => actor.role === 'tzb';

/** The internal analysis: the department and the overseers, never a counterpart. */
export const seesAnalysis = (actor: Actor): boolean => actor.role !== 'counterpart';

/** The replies of an item: everyone in scope except a counterpart looking at another counterpart's item. */
export const seesReplies = (actor: Actor, itemCounterpartId: number): boolean =>
  actor.role !== 'counterpart' || actor.organisationId === itemCounterpartId;

export interface MatterFacts {
  departmentId: number;
  counterpartIds: readonly number[];
  symposiumStatus: string;
  decidedAt: string | null;
}

export function matterAbilities(actor: Actor, m: MatterFacts): MatterDto['abilities'] {
  const owner = isOwner(actor, m.departmentId);
  const consulted = actor.role === 'counterpart' && m.counterpartIds.includes(actor.organisationId);
  return {
    canEdit: owner,
    canSchedule: owner && m.symposiumStatus !== 'held',
    canHold: owner && m.symposiumStatus !== 'held',
    canRecordMinutes: owner && m.symposiumStatus === 'held',
    canDecide: owner && m.decidedAt === null,
    canAddItem: owner || consulted,
    canAttach: owner,
  };
}

export interface ItemFacts {
  departmentId: number;
  counterpartId: number;
  status: string;
  pendingExtension: boolean;
}

export function itemAbilities(actor: Actor, i: ItemFacts): ItemDto['abilities'] {
  const owner = isOwner(actor, i.departmentId);
  const open = i.status !== 'closed';
  const awaitingReply = i.status === 'awaiting_reply' || i.status === 'rehandling';
  return {
    canAnalyse: owner && open,
    canReply: owner && awaitingReply,
    canRequestExtension: owner && awaitingReply && !i.pendingExtension,
    canDecideExtension: isSupervisor(actor) && i.pendingExtension,
    canRate:
      actor.role === 'counterpart' &&
      actor.organisationId === i.counterpartId &&
      i.status === 'awaiting_verdict',
    canClose: isSupervisor(actor) && open,
  };
}
