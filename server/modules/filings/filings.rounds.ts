// 附件2 rounds (open, move the deadline, close, list) and the round and reviewer checks of every use case.
import { effectiveStatus, localDate } from '../../../common/filings.js';
import { can } from '../../../common/roles.js';
import type {
  CreateFilingRoundRequest,
  FilingRoundDto,
  UpdateFilingRoundRequest,
} from '../../../common/schemas/filings.js';
import { allowed } from '../../access/authorize.js';
import { overseenRegion, type Scope, scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { checkDeadline } from '../../date-checks.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import {
  findFiling,
  insertRound,
  listRounds,
  openRoundOf,
  type RoundRow,
  roundsOfYear,
  updateRoundRow,
} from './filings.repository.js';
import { storedStatus } from './filings.status.js';

export function presentRound(row: RoundRow): FilingRoundDto {
  return {
    id: row.id,
    regionId: row.region_id,
    year: row.year,
    deadline: row.deadline,
    recipient: row.recipient,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    fax: row.fax,
    status: row.status,
    openedBy: row.opened_by_name,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

/** A round the actor may see (an overseer: its region and under; a unit: its own region's). Else NOT_FOUND. */
export async function visibleRound(ctx: RequestContext, id: number): Promise<RoundRow> {
  const [row] = await listRounds(ctx.db, { scope: scopeOf(ctx.actor), ids: [id] });
  if (!row) throw notFound();
  return row;
}

/** Only a region-scoped reviewer (统战部) manages rounds and reviews forms. */
export function requireReviewer(ctx: RequestContext): Scope {
  const scope = scopeOf(ctx.actor);
  if (overseenRegion(scope) === null || !can(ctx.actor.role, 'filings:review')) throw forbidden();
  return scope;
}

export async function listRoundsFor(ctx: RequestContext) {
  const rows = await listRounds(ctx.db, { scope: scopeOf(ctx.actor) });
  const today = localDate();
  const unitActor = allowed(ctx.actor, 'filings.fileOwn', null);
  const items = [];
  for (const row of rows) {
    let mine = null;
    if (unitActor && row.region_id === ctx.actor.regionId) {
      const f = await findFiling(ctx.db, row.id, ctx.actor.organisationId);
      const formStatus = storedStatus(f);
      mine = {
        status: effectiveStatus(formStatus, row.deadline, today),
        formStatus,
        submittedLate: f?.submitted_late === 1,
      };
    }
    items.push({ ...presentRound(row), mine });
  }
  return { items, abilities: { canManage: can(ctx.actor.role, 'filings:review') } };
}

export async function getRound(ctx: RequestContext, id: number): Promise<FilingRoundDto> {
  return presentRound(await visibleRound(ctx, id));
}

/** 统战部 opens the year's round for its own region: one open round per region and year. */
export async function createRound(
  ctx: RequestContext,
  input: CreateFilingRoundRequest,
): Promise<FilingRoundDto> {
  requireReviewer(ctx);
  checkDeadline(ctx, input.deadline);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await openRoundOf(trx, ctx.actor.regionId, input.year)) {
      throw new AppError('FILING_ROUND_OPEN', { year: input.year });
    }
    // 附件2 is filed once a year (changes come as change reports): a second round of a year is asked about first
    const earlier = await roundsOfYear(trx, ctx.actor.regionId, input.year);
    if (earlier > 0 && !input.confirmAnother) throw new AppError('FILING_ROUND_EXISTS', { year: input.year });
    const round = await insertRound(trx, {
      regionId: ctx.actor.regionId,
      year: input.year,
      deadline: input.deadline,
      recipient: input.recipient,
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      fax: input.fax,
      openedBy: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'filing_round.create',
      entityType: 'filing_round',
      entityId: round.id,
      regionId: round.region_id,
      after: round,
    });
    return round.id;
  });
  return getRound(ctx, id);
}

/** Move the deadline or correct the form's contact line; only while the round is open. */
export async function updateRound(
  ctx: RequestContext,
  id: number,
  input: UpdateFilingRoundRequest,
): Promise<FilingRoundDto> {
  requireReviewer(ctx);
  const before = await visibleRound(ctx, id);
  if (before.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  if (input.deadline !== undefined && input.deadline !== before.deadline) checkDeadline(ctx, input.deadline);
  await ctx.db.transaction().execute(async (trx) => {
    await updateRoundRow(trx, id, {
      deadline: input.deadline,
      recipient: input.recipient,
      contact_person: input.contactPerson,
      contact_phone: input.contactPhone,
      fax: input.fax,
    });
    await appendAudit(trx, ctx, {
      action: 'filing_round.update',
      entityType: 'filing_round',
      entityId: id,
      regionId: before.region_id,
      before: presentRound(before),
      after: input,
    });
  });
  return getRound(ctx, id);
}

/** Closing stops saving and submitting; forms already submitted can still be reviewed. */
export async function closeRound(ctx: RequestContext, id: number): Promise<FilingRoundDto> {
  requireReviewer(ctx);
  const before = await visibleRound(ctx, id);
  if (before.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  await ctx.db.transaction().execute(async (trx) => {
    await updateRoundRow(trx, id, { status: 'closed', closed_at: new Date().toISOString() });
    await appendAudit(trx, ctx, {
      action: 'filing_round.close',
      entityType: 'filing_round',
      entityId: id,
      regionId: before.region_id,
      before: presentRound(before),
      after: { status: 'closed' },
    });
  });
  return getRound(ctx, id);
}
