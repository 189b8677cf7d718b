import { describe, expect, it } from 'vitest';
import { yearInForce } from './years';

describe('the year a yearly page opens on', () => {
  it('is this year all through December, though next year may already be offered', () => {
    expect(yearInForce(new Date('2026-12-15T08:00:00Z'))).toBe(2026);
    expect(yearInForce(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
  });

  it('turns with the Asia/Shanghai new year, not the browser’s or UTC’s', () => {
    expect(yearInForce(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
