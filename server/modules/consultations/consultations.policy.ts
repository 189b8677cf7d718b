// Who sees and does what in 重大事项民主协商 — deny by default.

import { can } from '../../../common/roles.js';
import type { ItemDto, MatterDto } from '../../../common/schemas/consultations.js';
import { isCounterpart, isDepartment, isTzb, type Rule } from '../../access/rules.js';
import { recordScopeOf, type Scope } from '../../access/scope.js';
import type { Actor } from '../../context.js';

/**
 * How far an actor sees consultations (`recordScopeOf`): 统战部 and 区府办 every matter in their region and
 * under it; a department its own matters; a counterpart the matters it is consulted on (every item's text,
 * but the replies of its own items only, and never the department's internal analysis); the three admins
 * nothing.
 */
export const consultationScope = (actor: Actor): Scope => recordScopeOf(actor);

/** The department that owns the matter: it registers, schedules, decides, analyses and replies. */
export const isOwner = (actor: Actor, departmentId: number): boolean =>
  isDepartment(actor) && actor.organisationId === departmentId;

export const isSupervisor = (actor: Actor): boolean => isTzb(actor);

/** The internal analysis: the department and the overseers, never a counterpart. */
export const seesAnalysis = (actor: Actor): boolean => !isCounterpart(actor);

/** The replies of an item: everyone in scope except a counterpart looking at another counterpart's item. */
export const seesReplies = (actor: Actor, itemCounterpartId: number): boolean =>
  !isCounterpart(actor) || actor.organisationId === itemCounterpartId;

export interface MatterFacts {
  departmentId: number;
  counterpartIds: readonly number[];
  symposiumStatus: string;
  decidedAt: string | null;
}

export function matterAbilities(actor: Actor, m: MatterFacts): MatterDto['abilities'] {
  const owner = isOwner(actor, m.departmentId);
  const consulted = isCounterpart(actor) && m.counterpartIds.includes(actor.organisationId);
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
  /** the reply is overdue (`dueStateOf`, Asia/Shanghai days) */
  overdue: boolean;
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
      isCounterpart(actor) && actor.organisationId === i.counterpartId && i.status === 'awaiting_verdict',
    canClose: isSupervisor(actor) && open,
    canUrge: isSupervisor(actor) && awaitingReply && i.overdue,
  };
}

/** The consultations' rules: services assert them (`authorize`), presenters turn them into abilities. */
export const consultationsPolicy = {
  /** the list's "register a matter" button */
  offerCreate: (actor: Actor, _f: null) => isDepartment(actor) && can(actor.role, 'consultations:manage'),
  /** registering, correcting, scheduling, deciding a matter; analysing and replying to its items */
  manage: (actor: Actor, m: { departmentId: number }) => isOwner(actor, m.departmentId),
  /** an opinion on a matter: typed in by its department for a consulted counterpart, or by that counterpart */
  addItem: (actor: Actor, f: { departmentId: number; counterpartId: number | undefined }) =>
    isOwner(actor, f.departmentId) || (isCounterpart(actor) && f.counterpartId === actor.organisationId),
  /** extensions granted or refused, items closed, overdue replies pressed (督办): 统战部 */
  supervise: (actor: Actor, _f: null) => isSupervisor(actor),
  /** the verdict on the replies to an item: its own counterpart */
  rate: (actor: Actor, i: { counterpartId: number }) =>
    isCounterpart(actor) && actor.organisationId === i.counterpartId,
} satisfies Record<string, Rule<never>>;
