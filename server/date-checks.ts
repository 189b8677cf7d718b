// The server side of common/date-rules.ts: refuse a deadline or a planned date that means nothing, with the code
// that names which date it is.
import { aheadProblem } from '../common/date-rules.js';
import { shanghaiDate } from '../common/shanghai-time.js';
import type { RequestContext } from './context.js';
import { AppError } from './errors.js';

/** The day in China the request stands for (today, or the back-filled entry's day). */
const dayOf = (ctx: Pick<RequestContext, 'asOf'>): string =>
  shanghaiDate(ctx.asOf ?? new Date().toISOString());

/** A deadline being set: today or later, within a year and a bit. */
export function checkDeadline(ctx: Pick<RequestContext, 'asOf'>, date: string): void {
  const problem = aheadProblem(date, dayOf(ctx));
  if (problem === 'past') throw new AppError('DEADLINE_IN_PAST', { date });
  if (problem === 'too_far') throw new AppError('DEADLINE_TOO_FAR', { date });
}

/** A planned decision date being set on a matter (null: not planned yet). */
export function checkPlannedDate(ctx: Pick<RequestContext, 'asOf'>, date: string | null | undefined): void {
  if (!date) return;
  const problem = aheadProblem(date, dayOf(ctx));
  if (problem === 'past') throw new AppError('PLANNED_DATE_IN_PAST', { date });
  if (problem === 'too_far') throw new AppError('PLANNED_DATE_TOO_FAR', { date });
}
