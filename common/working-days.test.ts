import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CALENDAR_KNOWN_THROUGH,
  isWorkingDay,
  officialDayName,
  subtractWorkingDays,
  workingDaysBetween,
} from './working-days.js';

const daysOf = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

describe('the official calendar', () => {
  it('2025 国庆节/中秋节: Oct 1–8 off; Sun Sep 28 and Sat Oct 11 are 调休 workdays', () => {
    expect(daysOf('2025-10-01', '2025-10-08').map(isWorkingDay)).toEqual(Array(8).fill(false));
    expect(isWorkingDay('2025-09-28')).toBe(true); // a Sunday
    expect(new Date('2025-09-28T00:00:00Z').getUTCDay()).toBe(0);
    expect(isWorkingDay('2025-10-11')).toBe(true); // a Saturday
    expect(new Date('2025-10-11T00:00:00Z').getUTCDay()).toBe(6);
    expect(isWorkingDay('2025-09-27')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2025-10-12')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(officialDayName('2025-10-11')).toBe('国庆节');
    expect(officialDayName('2025-10-13')).toBeNull();
  });

  it('2026 春节: Feb 15–23 off; Sat Feb 14 and Sat Feb 28 are 调休 workdays', () => {
    expect(daysOf('2026-02-15', '2026-02-23').map(isWorkingDay)).toEqual(Array(9).fill(false));
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(officialDayName('2026-02-17')).toBe('春节');
  });

  it('agrees with chinese-days isWorkday() on every day of 2025 and 2026', () => {
    // the library keys its tables by the local date: it is only right east of (or at) UTC
    if (new Date(2026, 0, 1).getTimezoneOffset() > 0) return;
    const days = daysOf('2025-01-01', '2026-12-31');
    const mismatches = days.filter((d) => {
      const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
      return chineseDays.isWorkday(new Date(y, m - 1, dd)) !== isWorkingDay(d);
    });
    expect(mismatches).toEqual([]);
    expect(CALENDAR_KNOWN_THROUGH).toBeGreaterThanOrEqual(2026);
  });
});

describe('addWorkingDays', () => {
  it('skips the whole National Day holiday: Tue Sep 30 2025 + 1 working day = Thu Oct 9', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 2)).toBe('2025-10-10');
    // the third lands on the 调休 Saturday
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-30', 4)).toBe('2025-10-13');
  });

  it('counts a 调休 Sunday: Fri Sep 26 2025 + 1 = Sun Sep 28; the default 15 ends on Oct 23', () => {
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 2)).toBe('2025-09-29');
    // 9-28, 29, 30, 10-9, 10, 11, 13, 14, 15, 16, 17, 20, 21, 22, 23
    expect(addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
  });

  it('across 2026 春节: Fri Feb 13 + 1 = Sat Feb 14 (调休), + 2 = Tue Feb 24, + 5 = Sat Feb 28', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
    // 2-11, 12, 13, 14 (调休), 24, 25, 26, 27, 28 (调休), 3-2, 3, 4, 5, 6, 9
    expect(addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
  });

  it('adding 0 days: the day itself when a working day, else the next working day', () => {
    expect(addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(addWorkingDays('2025-10-11', 0)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2026-02-21', 0)).toBe('2026-02-24');
  });

  it('counting from a holiday: the receipt day never counts, so Oct 3 and Sep 30 give the same due date', () => {
    expect(addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-03', 15)).toBe(addWorkingDays('2025-09-30', 15));
    expect(addWorkingDays('2026-02-18', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2025-01-01', 1)).toBe('2025-01-02');
  });

  it('crosses a year end, and refuses negative or fractional counts', () => {
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-04'); // 1–3 Jan off, Sun Jan 4 调休
    expect(() => addWorkingDays('2025-12-31', -1)).toThrow();
    expect(() => addWorkingDays('2025-12-31', 1.5)).toThrow();
  });
});

describe('subtractWorkingDays and workingDaysBetween', () => {
  it('a reminder 3 working days before Thu Oct 9 2025 falls on Sun Sep 28 (调休)', () => {
    expect(subtractWorkingDays('2025-10-09', 3)).toBe('2025-09-28');
    expect(subtractWorkingDays('2025-10-09', 1)).toBe('2025-09-30');
    expect(subtractWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
  });

  it('counts the working days left (exclusive of today) and overdue (negative)', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysBetween('2025-10-01', '2025-10-09')).toBe(1);
    expect(workingDaysBetween('2025-09-26', '2025-10-23')).toBe(15);
    expect(workingDaysBetween('2025-10-09', '2025-10-09')).toBe(0);
    expect(workingDaysBetween('2025-10-10', '2025-10-09')).toBe(-1);
    expect(workingDaysBetween('2025-10-13', '2025-10-09')).toBe(-3);
  });

  it('round-trips: N working days after, then N before, is the start when the start is a working day', () => {
    for (const start of daysOf('2025-09-01', '2026-03-31').filter(isWorkingDay)) {
      for (const n of [1, 3, 15]) {
        const due = addWorkingDays(start, n);
        expect([start, n, subtractWorkingDays(due, n)]).toEqual([start, n, start]);
        expect(workingDaysBetween(start, due)).toBe(n);
      }
    }
  });
});
