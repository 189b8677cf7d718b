// When a date a user sets is meaningless: a deadline already past (everyone "逾期 316 天" the moment it is saved),
// a planned decision before today, a date years ahead (a typo of the year). One rule for the server, which
// refuses, and the web forms, which grey out the days and say why before anything is sent.
import { addDays } from './shanghai-time.js';

/** The furthest ahead a deadline or a planned date may be: a year and a bit (a typo of the year is further). */
export const FUTURE_LIMIT_DAYS = 400;

export type DateProblem = 'past' | 'too_far';

/** What is wrong with a date that must lie between today and FUTURE_LIMIT_DAYS ahead (Asia/Shanghai days). */
export function aheadProblem(date: string, today: string): DateProblem | null {
  if (date < today) return 'past';
  if (date > addDays(today, FUTURE_LIMIT_DAYS)) return 'too_far';
  return null;
}
