// One unit's 附件2 form as the API shows it: read (prefilled from the roster until saved), and revealed.
import { effectiveStatus, localDate } from '../../../common/filings.js';
import { can } from '../../../common/roles.js';
import type { FilingDto } from '../../../common/schemas/filings.js';
import type { FormPersonDto, RevealRequest } from '../../../common/schemas/roster.js';
import type { Executor, RequestContext } from '../../context.js';
import type { Filing } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { appendAuditAlone } from '../audit/index.js';
import {
  currentPerson,
  isOwnUnit,
  maskFormPerson,
  type UnitRow,
  unitRef,
  visibleUnit,
} from '../roster/index.js';
import { filingEvents, findFiling, type RoundRow } from './filings.repository.js';
import { visibleRound } from './filings.rounds.js';
import { EDITABLE, storedStatus } from './filings.status.js';

/** A unit the round asks a form of (a department or counterpart of the round's region), visible to the actor. */
export async function roundUnit(
  ctx: RequestContext,
  round: RoundRow,
  organisationId: number,
): Promise<UnitRow> {
  const unit = await visibleUnit(ctx, organisationId);
  if (unit.region_id !== round.region_id) throw notFound();
  return unit;
}

const formPerson = (name: string | null, position: string | null, phone: string | null): FormPersonDto => ({
  name,
  position,
  phone,
});

/** 附件2 has one 联系电话: the office line if the roster has one, else the mobile. */
async function prefillFromRoster(db: Executor, organisationId: number, role: 'leader' | 'liaison') {
  const p = await currentPerson(db, organisationId, role);
  return p ? formPerson(p.name, p.position, p.office_phone ?? p.mobile) : formPerson(null, null, null);
}

async function presentFiling(
  ctx: RequestContext,
  round: RoundRow,
  unit: UnitRow,
  filing: Filing | undefined,
  options: { reveal?: boolean } = {},
): Promise<FilingDto> {
  const own = isOwnUnit(ctx, unit.id);
  const masked = !own && !options.reveal;
  const formStatus = storedStatus(filing);
  const status = effectiveStatus(formStatus, round.deadline, localDate());
  const canEdit =
    own && can(ctx.actor.role, 'filings:write') && round.status === 'open' && EDITABLE.includes(formStatus);
  let leader = formPerson(null, null, null);
  let liaison = formPerson(null, null, null);
  let prefilled = false;
  if (filing) {
    leader = formPerson(filing.leader_name, filing.leader_position, filing.leader_phone);
    liaison = formPerson(filing.liaison_name, filing.liaison_position, filing.liaison_phone);
  } else if (canEdit) {
    // Nothing saved yet: the unit starts from its roster.
    leader = await prefillFromRoster(ctx.db, unit.id, 'leader');
    liaison = await prefillFromRoster(ctx.db, unit.id, 'liaison');
    prefilled = true;
  }
  const events = filing ? await filingEvents(ctx.db, filing.id) : [];
  return {
    id: filing?.id ?? null,
    round: {
      id: round.id,
      year: round.year,
      deadline: round.deadline,
      status: round.status,
    },
    organisation: unitRef(unit),
    status,
    formStatus,
    late: status === 'late',
    submittedLate: filing?.submitted_late === 1,
    leader: maskFormPerson(leader, masked),
    liaison: maskFormPerson(liaison, masked),
    prefilled,
    firstSubmittedAt: filing?.first_submitted_at ?? null,
    submittedAt: filing?.submitted_at ?? null,
    filedAt: filing?.filed_at ?? null,
    returnReason: filing?.return_reason ?? null,
    events: events.map((e) => ({
      id: e.id,
      action: e.action as FilingDto['events'][number]['action'],
      note: e.note,
      actor: e.actor_name,
      at: e.at,
    })),
    phonesMasked: masked,
    abilities: {
      canEdit,
      canSubmit: canEdit,
      canReview: can(ctx.actor.role, 'filings:review') && formStatus === 'submitted',
      canReveal: can(ctx.actor.role, 'contacts:reveal'),
    },
  };
}

export async function getFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
): Promise<FilingDto> {
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  return presentFiling(ctx, round, unit, await findFiling(ctx.db, round.id, unit.id));
}

export async function revealFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: RevealRequest,
): Promise<FilingDto> {
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  const filing = await findFiling(ctx.db, round.id, unit.id);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'contacts.reveal',
    entityType: 'filing',
    entityId: filing?.id ?? `${round.id}/${unit.id}`,
    regionId: unit.region_id,
    detail: input.reason,
  });
  return presentFiling(ctx, round, unit, filing, { reveal: true });
}
