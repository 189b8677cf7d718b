// 统战部 reviews a submitted 附件2 form: returns it with a reason, or files it (备案) into the roster.
import { isMobile } from '../../../common/contact-checks.js';
import { localDate } from '../../../common/filings.js';
import type { FilingDto, ReturnFilingRequest } from '../../../common/schemas/filings.js';
import type { RequestContext } from '../../context.js';
import type { ResponsiblePerson } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { notificationText, notifyOrganisations } from '../notifications/index.js';
import { currentPerson, recordPersonVersion, sameVersion } from '../roster/index.js';
import { getFiling, roundUnit } from './filings.form.js';
import { findFiling, insertFilingEvent, updateFilingRow } from './filings.repository.js';
import { requireReviewer, visibleRound } from './filings.rounds.js';

/** A submitted form, for the reviewer: anything else is INVALID_STATE. */
async function reviewableFiling(ctx: RequestContext, roundId: number, organisationId: number) {
  requireReviewer(ctx);
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  const filing = await findFiling(ctx.db, round.id, unit.id);
  if (filing?.status !== 'submitted') {
    throw new AppError('FILING_NOT_SUBMITTED');
  }
  return { round, unit, filing };
}

/** 统战部 returns a submitted form with a reason; the unit corrects and resubmits. */
export async function returnFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: ReturnFilingRequest,
): Promise<FilingDto> {
  const { round, unit, filing } = await reviewableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateFilingRow(trx, filing.id, 'submitted', {
      status: 'returned',
      return_reason: input.reason,
      reviewed_by: ctx.actor.userId,
      reviewed_at: new Date().toISOString(),
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    const event = await insertFilingEvent(trx, {
      filingId: filing.id,
      action: 'returned',
      note: input.reason,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'filing.return',
      entityType: 'filing',
      entityId: filing.id,
      regionId: unit.region_id,
      before: { status: 'submitted' },
      after: { status: 'returned', reason: input.reason },
    });
    await notifyOrganisations(trx, [unit.id], {
      ...notificationText('filingReturned', { year: round.year, reason: input.reason }),
      link: `/filings/${round.id}/${unit.id}`,
      key: `filing-returned:${filing.id}:${event.id}`,
    });
  });
  return getFiling(ctx, roundId, organisationId);
}

const digitsOf = (phone: string | null): string => (phone ?? '').replace(/\D/g, '');

/**
 * The roster's two phone fields after filing a form with one 联系电话: the same person keeps the numbers the
 * roster has, and a new number goes to `mobile` or `officePhone` by its shape; a new person has only the filed one.
 */
function phonesOf(
  cur: ResponsiblePerson | undefined,
  name: string,
  phone: string,
): { officePhone: string | null; mobile: string | null } {
  const same = cur !== undefined && cur.name === name;
  const kept = { officePhone: same ? cur.office_phone : null, mobile: same ? cur.mobile : null };
  const d = digitsOf(phone);
  if (same && (d === digitsOf(cur.office_phone) || d === digitsOf(cur.mobile))) return kept;
  return isMobile(phone) ? { ...kept, mobile: phone } : { ...kept, officePhone: phone };
}

/**
 * 备案: 统战部 accepts a submitted form. The unit's roster becomes the filed persons — a new version for each
 * role where the form differs from the roster (the form's one phone goes to mobile or office line by its shape).
 */
export async function fileFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  note: string | null,
): Promise<FilingDto> {
  const { round, unit, filing } = await reviewableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const ok = await updateFilingRow(trx, filing.id, 'submitted', {
      status: 'filed',
      filed_at: now,
      return_reason: null,
      reviewed_by: ctx.actor.userId,
      reviewed_at: now,
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    const today = localDate(now);
    for (const role of ['leader', 'liaison'] as const) {
      const name = filing[`${role}_name`];
      const position = filing[`${role}_position`];
      const phone = filing[`${role}_phone`];
      if (!name || !position || !phone) continue; // cannot happen: submission checks every field
      const cur = await currentPerson(trx, unit.id, role);
      const version = {
        organisationId: unit.id,
        role,
        name,
        position,
        ...phonesOf(cur, name, phone),
        source: 'filing' as const,
        filingId: filing.id,
      };
      if (cur && sameVersion(cur, version)) continue;
      const servedFrom = cur && cur.served_from > today ? cur.served_from : today;
      await recordPersonVersion(trx, ctx, unit.region_id, { ...version, servedFrom });
    }
    await insertFilingEvent(trx, { filingId: filing.id, action: 'filed', note, actorId: ctx.actor.userId });
    await appendAudit(trx, ctx, {
      action: 'filing.file',
      entityType: 'filing',
      entityId: filing.id,
      regionId: unit.region_id,
      before: { status: 'submitted' },
      after: { status: 'filed', note },
    });
    await notifyOrganisations(trx, [unit.id], {
      ...notificationText('filingFiled', {
        year: round.year,
        unit: unit.name,
        filer: ctx.actor.organisationName,
      }),
      link: `/filings/${round.id}/${unit.id}`,
      key: `filing-filed:${filing.id}`,
    });
  });
  return getFiling(ctx, roundId, organisationId);
}
