// When a year's reports are due: the region's deadline (附件3's default, or as 统战部 set it) and days left.
import { isAfterDeadline } from '../../../common/filings.js';
import type { ReportStatus } from '../../../common/schemas/reports.js';
import type { Executor, RequestContext } from '../../context.js';
import { checkDeadline } from '../../date-checks.js';
import { appendAudit } from '../audit/index.js';
import { EDITABLE } from './reports.access.js';
import { findRound, upsertRound } from './reports.repository.js';

/** 附件3's note: 每年1月下旬 — by default the last day of January of the next year. */
export const defaultDeadline = (year: number): string => `${year + 1}-01-31`;

/** Whole days from `today` to `deadline` (both 'YYYY-MM-DD'); negative once it has passed. */
export const daysBetween = (today: string, deadline: string): number =>
  Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

export async function deadlineOf(db: Executor, regionId: number, year: number) {
  const round = await findRound(db, regionId, year);
  return { deadline: round?.deadline ?? defaultDeadline(year), isDefault: !round };
}

export async function getReportRound(ctx: RequestContext, year: number) {
  const { deadline, isDefault } = await deadlineOf(ctx.db, ctx.actor.regionId, year);
  return { year, regionId: ctx.actor.regionId, deadline, isDefault };
}

/** 统战部 sets (or moves) the deadline of its region's reports of a year. */
export async function setReportRound(ctx: RequestContext, year: number, deadline: string) {
  const before = await findRound(ctx.db, ctx.actor.regionId, year);
  if (deadline !== before?.deadline) checkDeadline(ctx, deadline);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertRound(trx, { regionId: ctx.actor.regionId, year, deadline, setBy: ctx.actor.userId });
    await appendAudit(trx, ctx, {
      action: 'report_round.set',
      entityType: 'report_round',
      entityId: `${ctx.actor.regionId}:${year}`,
      before: before ? { deadline: before.deadline } : undefined,
      after: { year, deadline },
    });
  });
  return getReportRound(ctx, year);
}

/** Days left to the deadline, and whether a report not yet submitted is past it. */
export function timing(status: ReportStatus, deadline: string, today: string) {
  const daysLeft = daysBetween(today, deadline);
  return { daysLeft, overdue: EDITABLE.includes(status) && isAfterDeadline(deadline, today) };
}
