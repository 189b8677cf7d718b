// A unit writes its own 附件2 form: saves a draft and submits it (complete; late if after the deadline).
import { isAfterDeadline, localDate } from '../../../common/filings.js';
import type { FilingDto, SaveFilingRequest } from '../../../common/schemas/filings.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { isOwnUnit, phonesMaskedForAudit, type UnitRow } from '../roster/index.js';
import { getFiling, roundUnit } from './filings.form.js';
import {
  type FormValues,
  findFiling,
  getFilingById,
  insertFiling,
  insertFilingEvent,
  type RoundRow,
  updateFilingRow,
} from './filings.repository.js';
import { visibleRound } from './filings.rounds.js';
import { EDITABLE, storedStatus } from './filings.status.js';

function formValues(input: SaveFilingRequest): FormValues {
  return {
    leader_name: input.leader.name ?? null,
    leader_position: input.leader.position ?? null,
    leader_phone: input.leader.phone ?? null,
    liaison_name: input.liaison.name ?? null,
    liaison_position: input.liaison.position ?? null,
    liaison_phone: input.liaison.phone ?? null,
  };
}

/** The unit's own form, in a round it may still write in. Another unit's answers NOT_FOUND. */
async function writableFiling(ctx: RequestContext, roundId: number, organisationId: number) {
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  if (!isOwnUnit(ctx, unit.id)) throw notFound();
  if (round.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  return { round, unit };
}

async function saveInTransaction(
  trx: Executor,
  ctx: RequestContext,
  round: RoundRow,
  unit: UnitRow,
  input: SaveFilingRequest,
): Promise<void> {
  const before = await findFiling(trx, round.id, unit.id);
  const status = storedStatus(before);
  if (!EDITABLE.includes(status)) {
    throw new AppError(status === 'filed' ? 'FILING_ALREADY_FILED' : 'FILING_AWAITING_REVIEW');
  }
  const values = formValues(input);
  let filingId: number;
  if (!before) {
    if (unit.active !== 1) throw new AppError('UNIT_INACTIVE');
    const created = await insertFiling(trx, {
      ...values,
      roundId: round.id,
      organisationId: unit.id,
      userId: ctx.actor.userId,
    });
    filingId = created.id;
  } else {
    filingId = before.id;
    const ok = await updateFilingRow(trx, before.id, before.status, {
      ...values,
      updated_by: ctx.actor.userId,
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
  }
  await insertFilingEvent(trx, { filingId, action: 'saved', note: null, actorId: ctx.actor.userId });
  await appendAudit(trx, ctx, {
    action: 'filing.save',
    entityType: 'filing',
    entityId: filingId,
    regionId: unit.region_id,
    before: before ? phonesMaskedForAudit(before) : undefined,
    after: phonesMaskedForAudit(await getFilingById(trx, filingId)),
  });
}

export async function saveFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: SaveFilingRequest,
): Promise<FilingDto> {
  const { round, unit } = await writableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute((trx) => saveInTransaction(trx, ctx, round, unit, input));
  return getFiling(ctx, roundId, organisationId);
}

const REQUIRED_FIELDS: { key: keyof FormValues; label: string }[] = [
  { key: 'leader_name', label: 'leader.name 分管领导姓名' },
  { key: 'leader_position', label: 'leader.position 分管领导职务' },
  { key: 'leader_phone', label: 'leader.phone 分管领导联系电话' },
  { key: 'liaison_name', label: 'liaison.name 联络员姓名' },
  { key: 'liaison_position', label: 'liaison.position 联络员职务' },
  { key: 'liaison_phone', label: 'liaison.phone 联络员联系电话' },
];

/**
 * Submit the saved form (or save these values and submit them): every field of both persons must be filled.
 * The first submission after the deadline marks the form `submittedLate` for good.
 */
export async function submitFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: SaveFilingRequest | null | undefined,
): Promise<FilingDto> {
  const { round, unit } = await writableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    if (input) await saveInTransaction(trx, ctx, round, unit, input);
    const filing = await findFiling(trx, round.id, unit.id);
    const status = storedStatus(filing);
    if (filing && status !== 'draft' && status !== 'returned') {
      throw new AppError(status === 'filed' ? 'FILING_ALREADY_FILED' : 'FILING_AWAITING_REVIEW');
    }
    const missing = REQUIRED_FIELDS.filter((f) => !filing?.[f.key]).map((f) => f.label);
    if (!filing || missing.length) throw new AppError('FILING_INCOMPLETE', { missing: missing.join(', ') });
    const now = new Date().toISOString();
    const first = filing.first_submitted_at ?? now;
    const late = isAfterDeadline(round.deadline, localDate(first));
    const ok = await updateFilingRow(trx, filing.id, filing.status, {
      status: 'submitted',
      submitted_at: now,
      first_submitted_at: first,
      submitted_late: late ? 1 : 0,
      return_reason: null,
      updated_by: ctx.actor.userId,
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    await insertFilingEvent(trx, {
      filingId: filing.id,
      action: 'submitted',
      note: late ? '逾期报送 / submitted after the deadline' : null,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'filing.submit',
      entityType: 'filing',
      entityId: filing.id,
      regionId: unit.region_id,
      before: { status: filing.status },
      after: { status: 'submitted', submittedLate: late },
    });
  });
  return getFiling(ctx, roundId, organisationId);
}
