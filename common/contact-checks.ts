// Contact details as Chinese offices write them, checked before an account is created for a person.

/** A mainland mobile number: 11 digits, 1[3-9]…; spaces, dashes and a +86 prefix are allowed around them. */
export function isMobile(input: string): boolean {
  const digits = input.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits);
}

/**
 * A landline with its area code (010, 021, 0574 …) and an optional extension: 0574-88951234, (0574)88951234,
 * 0574 8895 1234 转 801, 010-12345678-123.
 */
export function isLandline(input: string): boolean {
  const s = input.trim().replace(/[（(]\s*(0\d{2,3})\s*[)）]/, '$1-');
  const m = /^(0\d{2,3})[\s-]?(\d{3,4})[\s-]?(\d{4})(?:\s*(?:-|转|ext\.?|x)\s*(\d{1,6}))?$/i.exec(s);
  if (!m) return false;
  const local = `${m[2]}${m[3]}`;
  return local.length >= 7 && local.length <= 8 && !local.startsWith('0');
}

/** Reachable from anywhere: a mobile or a landline with its area code (what an account's holder is asked for). */
export const isPhone = (input: string): boolean => isMobile(input) || isLandline(input);

/**
 * A local landline without its area code, 7 or 8 digits not starting with 0 or 1, optional extension — how the
 * notice itself writes its numbers ("联系电话：89294017；传真：88522300").
 */
export function isLocalLandline(input: string): boolean {
  const m = /^(\d{3,4})[\s-]?(\d{4})(?:\s*(?:转|ext\.?|x)\s*(\d{1,6}))?$/i.exec(input.trim());
  if (!m) return false;
  const local = `${m[1]}${m[2]}`;
  return /^[2-9]/.test(local);
}

/** A number on a form (附件2, the roster, a round's contact): any of the above. 12345 or a 10-digit mobile is not. */
export const isFormPhone = (input: string): boolean => isPhone(input) || isLocalLandline(input);

/** An e-mail address plausible enough to send to (one @, a dotted domain, no spaces). */
export const isEmail = (input: string): boolean =>
  input.length <= 120 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(input);
