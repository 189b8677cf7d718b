// Dates as official documents print them: Arabic numerals without leading zeros (2019年6月5日, GB/T 9704 §7.3.5.3).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2019-02-30 rather than printing them. */
export function parseIsoDate(iso: string): DateParts {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(iso)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${iso}`);
  }
  return { year, month, day };
}

/** '2019-06-05' → '2019年6月5日' */
export function chineseDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/** Ideographic spaces to leave room for handwriting; they keep their width in every CJK font. */
export const blank = (chars: number): string => '\u3000'.repeat(chars);

/** A date to be written in by hand: '2019年　　月　　日', or without the year when it is not known. */
export function blankChineseDate(year: number | null): string {
  return `${year === null ? blank(2) : year}年${blank(2)}月${blank(2)}日`;
}
