import { describe, expect, it } from 'vitest';
import { maskPhone } from './phone.js';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13912341219')).toBe('139****1219');
    expect(maskPhone('139 1234 1219')).toBe('139 **** 1219');
    expect(maskPhone('+86 13912341219')).toBe('+86 139****1219');
  });

  it('hides the last 4 digits of a landline, keeping area code and separators', () => {
    expect(maskPhone('89294017')).toBe('8929****');
    expect(maskPhone('0574-88951234')).toBe('0574-8895****');
    expect(maskPhone('(0574) 8895 1234')).toBe('(0574) 8895 ****');
  });

  it('hides a short number whole, and leaves null and digit-free text alone', () => {
    expect(maskPhone('8001')).toBe('****');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('无')).toBe('无');
  });
});
