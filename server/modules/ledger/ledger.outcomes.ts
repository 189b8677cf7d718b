// What became of a research topic or a symposium: a topic taken up, research results adopted, a symposium's
// minutes.
import type { AdoptionRequest, LedgerRecordDto, MinutesRequest } from '../../../common/schemas/ledger.js';
import { allowed, authorize } from '../../access/authorize.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, forbidden } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { abilitiesFor } from './ledger.policy.js';
import { parseDetails } from './ledger.present.js';
import { getRecord, visibleRecord } from './ledger.queries.js';
import { updateRecordRow } from './ledger.repository.js';

/** A counterpart takes up an offered research topic (提供研究课题); once taken, it is taken. */
export async function takeUpTopic(ctx: RequestContext, id: number): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'research' || v.row.subtype !== 'offered') throw new AppError('NOT_AN_OFFERED_TOPIC');
  if (!allowed(ctx.actor, 'ledger.takeUp', v.facts)) throw forbidden();
  const details = parseDetails(v.row);
  if (details.takenUpBy) throw new AppError('TOPIC_TAKEN');
  details.takenUpBy = ctx.actor.organisationId;
  details.takenUpAt = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, { status: 'taken', details_json: JSON.stringify(details) });
    await appendAudit(trx, ctx, {
      action: 'ledger.take_up',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: { takenUpBy: details.takenUpBy },
    });
  });
  return getRecord(ctx, id);
}

/**
 * The department records whether the research results were adopted (采纳落实调研成果), with the leader's
 * instruction if any. 'implemented' needs a note of what was done; an offered topic nobody took up has no
 * results to adopt (INVALID_STATE).
 */
export async function recordAdoption(
  ctx: RequestContext,
  id: number,
  input: AdoptionRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'research') throw new AppError('NOT_RESEARCH');
  authorize(ctx.actor, 'ledger.adopt', v.facts);
  const details = parseDetails(v.row);
  if (v.row.subtype === 'offered' && !details.takenUpBy) throw new AppError('TOPIC_NOT_TAKEN');
  if (input.adoption === 'implemented' && !input.note) throw new AppError('ADOPTION_NOTE_REQUIRED');
  const before = {
    adoption: details.adoption,
    adoptionNote: details.adoptionNote,
    instruction: details.instruction,
  };
  details.adoption = input.adoption;
  details.adoptionNote = input.note ?? null;
  details.adoptedAt = input.adoption === 'none' ? null : nowIso();
  if (input.instruction !== undefined) details.instruction = input.instruction;
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, { details_json: JSON.stringify(details) });
    await appendAudit(trx, ctx, {
      action: 'ledger.adopt',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      before,
      after: input,
    });
  });
  return getRecord(ctx, id);
}

/** Minutes of a symposium: either side of the pair, once it has started; the record becomes 'held'. */
export async function recordMinutes(
  ctx: RequestContext,
  id: number,
  input: MinutesRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'symposium') throw new AppError('NOT_A_SYMPOSIUM');
  if (!abilitiesFor(ctx.actor, v.facts).canRecordMinutes) {
    if (v.row.starts_at > nowIso() && allowed(ctx.actor, 'ledger.isUnitUser', null)) {
      throw new AppError('SYMPOSIUM_NOT_HELD');
    }
    throw forbidden();
  }
  const details = parseDetails(v.row);
  details.minutes = input.minutes;
  details.heldAt = details.heldAt ?? nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, {
      status: 'held',
      details_json: JSON.stringify(details),
      summary: input.summary === undefined ? v.row.summary : input.summary,
    });
    await appendAudit(trx, ctx, {
      action: 'ledger.minutes',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: { length: input.minutes.length },
    });
  });
  return getRecord(ctx, id);
}
