/**
 * Working days on China's official calendar (法定节假日 and 调休 workdays, from the State Council's yearly
 * notice, via `chinese-days`), for reply deadlines (三(二) 及时给予反馈和答复). Dates are 'YYYY-MM-DD' calendar
 * dates in China; pure logic, no Node or browser imports.
 *
 * The rule: a deadline of N working days runs from the day after the start date — the start date itself
 * never counts, whether it is a working day or a holiday — and ends on the N-th working day after it.
 * N = 0 means "the start date itself if it is a working day, else the next working day": a deadline never
 * falls on a day off.
 */
import chineseDays from 'chinese-days';

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The date `days` calendar days after `date` (UTC arithmetic on the calendar date: no time zone involved). */
function shift(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Is the date a working day in China: Monday–Friday unless a public holiday, or a weekend day declared a
 * 调休 workday. The library reads a Date in the process's local time zone, so it gets local midnight of the
 * calendar date: correct whatever TZ the server runs in.
 */
export function isWorkingDay(date: string): boolean {
  const [y, m, d] = parts(date);
  return chineseDays.isWorkday(new Date(y, m - 1, d));
}

/** The due date N working days after `start` (see the rule above). */
export function addWorkingDays(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`working days must be a whole number ≥ 0: ${days}`);
  let date = start;
  if (days === 0) {
    while (!isWorkingDay(date)) date = shift(date, 1);
    return date;
  }
  let left = days;
  while (left > 0) {
    date = shift(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** The working day N working days before `date` (N ≥ 1); with N = 0, `date` itself. */
export function subtractWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`working days must be a whole number ≥ 0: ${days}`);
  let d = date;
  let left = days;
  while (left > 0) {
    d = shift(d, -1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/**
 * Working days from `from` (exclusive) to `to` (inclusive): how many working days are left until a due date.
 * 0 when `to` is not after `from`, negative (the working days overdue, `from` inclusive) when `to` is before.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (from === to) return 0;
  const forward = from < to;
  const [start, end] = forward ? [from, to] : [to, from];
  let date = start;
  let n = 0;
  while (date < end) {
    date = shift(date, 1);
    if (isWorkingDay(date)) n += 1;
  }
  return forward ? n : -n;
}
