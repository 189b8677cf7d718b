import { describe, expect, it } from 'vitest';
import { isEmail, isFormPhone, isLandline, isLocalLandline, isMobile, isPhone } from './contact-checks.js';

describe('contact checks', () => {
  it('accepts mainland mobiles and refuses what is not one', () => {
    for (const ok of ['13912341219', '139 1234 1219', '+86 139-1234-1219', '19812345678'])
      expect(isMobile(ok), ok).toBe(true);
    for (const bad of ['12912341219', '1391234121', '139123412190', '1391234121a', ''])
      expect(isMobile(bad), bad).toBe(false);
  });

  it('accepts landlines with an area code and an optional extension', () => {
    for (const ok of [
      '0574-88951234',
      '(0574)88951234',
      '（0574）8895-1234',
      '010-12345678-123',
      '0574 8895 1234 转 801',
    ])
      expect(isLandline(ok), ok).toBe(true);
    for (const bad of ['88951234', '574-88951234', '0574-123', '0574-012345678', '0574-88951234-1234567'])
      expect(isLandline(bad), bad).toBe(false);
    expect(isPhone('88951234')).toBe(false);
    expect(isPhone('13912341219')).toBe(true);
  });

  it('accepts on a form what offices write there, and refuses 12345 or a 10-digit mobile', () => {
    for (const ok of ['89294017', '8895 1234', '88522300 转 8', '0574-88951234', '13912341219', '7654321'])
      expect(isFormPhone(ok), ok).toBe(true);
    for (const bad of ['12345', '1380000111', '08895123', '18895123x', '123', '0574-123', '8895123412'])
      expect(isFormPhone(bad), bad).toBe(false);
    expect(isLocalLandline('13912341219')).toBe(false);
  });

  it('checks e-mail addresses', () => {
    expect(isEmail('li.si@fh.gov.cn')).toBe(true);
    for (const bad of ['li.si@', 'li si@fh.gov.cn', 'lisi@localhost', '@fh.gov.cn', 'a@@b.cn'])
      expect(isEmail(bad), bad).toBe(false);
  });
});
