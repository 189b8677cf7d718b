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
import calendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

// The package's own data (the same tables its isWorkday() reads), used directly: its functions key the tables
// by the process's local date, which is off by one day in time zones west of UTC. Here a date is only a key.
const HOLIDAYS: Readonly<Record<string, string>> = calendar.holidays;
const WORKDAYS: Readonly<Record<string, string>> = calendar.workdays;

/** The last year the official calendar is known for (the State Council publishes each year's in November). */
export const CALENDAR_KNOWN_THROUGH = Math.max(...Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));

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
 * 调休 workday. Beyond CALENDAR_KNOWN_THROUGH only weekends are days off.
 */
export function isWorkingDay(date: string): boolean {
  const [y, m, d] = parts(date);
  if (WORKDAYS[date] !== undefined) return true;
  if (HOLIDAYS[date] !== undefined) return false;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The official name of a day off or 调休 workday ('国庆节'), or null for an ordinary day. */
export function officialDayName(date: string): string | null {
  const entry = WORKDAYS[date] ?? HOLIDAYS[date];
  return entry ? (entry.split(',')[1] ?? null) : null;
}

/** The due date N working days after `start` (see the rule above). */
export function addWorkingDays(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 0)
    throw new Error(`working days must be a whole number ≥ 0: ${days}`);
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
  if (!Number.isInteger(days) || days < 0)
    throw new Error(`working days must be a whole number ≥ 0: ${days}`);
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
