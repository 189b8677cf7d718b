/**
 * Phone numbers are personal information (个人信息保护法): lists and exports show them masked unless the viewer
 * may see them in full. One rule for every screen and file:
 * - a mobile number (11 digits starting with 1, with or without +86) keeps its first 3 and last 4 digits:
 *   13912341219 → 139****1219;
 * - any other number (a landline, with or without area code or extension) has its last 4 digits hidden:
 *   89294017 → 8929****, 0574-88951234 → 0574-8895****;
 * - a number of 4 digits or fewer is hidden whole.
 * Separators (spaces, dashes, brackets) stay where they are, so the shape of the number is still recognisable.
 */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null): string | null;
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digitPositions: number[] = [];
  for (let i = 0; i < phone.length; i++) if (/[0-9]/.test(phone[i] as string)) digitPositions.push(i);
  const n = digitPositions.length;
  if (n === 0) return phone;
  const digits = digitPositions.map((i) => phone[i]).join('');
  let hide: number[];
  if (n <= 4) hide = digitPositions;
  else if (/^(?:86)?1\d{10}$/.test(digits)) hide = digitPositions.slice(n - 8, n - 4);
  else hide = digitPositions.slice(n - 4);
  // Positions are UTF-16 indices on both sides (the loop above and split('')), so they line up.
  const out = phone.split('');
  for (const i of hide) out[i] = '*';
  return out.join('');
}
