// Dates as the district sees them: Asia/Shanghai is UTC+8 all year (no daylight saving), so fixed arithmetic
// is exact. Instants are stored as UTC ISO text; calendar dates as 'YYYY-MM-DD'.

const OFFSET_MS = 8 * 3600_000;

/** Normalise an ISO instant with any offset to UTC ISO text (…Z). */
export function toUtcIso(instant: string): string {
  return new Date(instant).toISOString();
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10);
}

export function shanghaiYear(iso: string): number {
  return Number(shanghaiDate(iso).slice(0, 4));
}

/** 00:00 Asia/Shanghai of a date, as a UTC instant. */
export function dayStartUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of a month, YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The instant a month ends in Asia/Shanghai (00:00 on the 1st of the next month). */
export function monthEndedAt(year: number, month: number): string {
  return dayStartUtc(addDays(monthEnd(year, month), 1));
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, for printed tables. */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
