import { describe, expect, it } from 'vitest';
import { aheadProblem, FUTURE_LIMIT_DAYS } from './date-rules.js';
import { addDays } from './shanghai-time.js';

describe('aheadProblem (a deadline or a planned date)', () => {
  const today = '2026-12-07';
  it('accepts today and the days ahead within the limit', () => {
    expect(aheadProblem(today, today)).toBeNull();
    expect(aheadProblem('2027-01-31', today)).toBeNull();
    expect(aheadProblem(addDays(today, FUTURE_LIMIT_DAYS), today)).toBeNull();
  });
  it('refuses a day already past, and one years ahead', () => {
    expect(aheadProblem('2020-01-01', today)).toBe('past');
    expect(aheadProblem('2026-12-06', today)).toBe('past');
    expect(aheadProblem('2036-01-31', today)).toBe('too_far');
  });
});
