import { pbkdf2, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { passwordScheme } from '../../crypto/provider.js';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const pbkdf2Async = promisify(pbkdf2);

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const MAXMEM = 64 * 1024 * 1024;

/** PBKDF2-HMAC-SM3 (gm mode): iterations chosen for about as much work per sign-in as scrypt's. */
const PBKDF2_SM3_ITERATIONS = 200_000;

/**
 * A new password hash in the configured scheme (LIAISON_PASSWORD_HASH / LIAISON_CRYPTO), with a random salt and
 * its parameters, so they can be raised later: `scrypt$N$r$p$salt$hash` or `pbkdf2-sm3$iterations$salt$hash`.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  if (passwordScheme() === 'pbkdf2-sm3') {
    const key = await pbkdf2Async(password.normalize('NFC'), salt, PBKDF2_SM3_ITERATIONS, 32, 'sm3');
    return ['pbkdf2-sm3', PBKDF2_SM3_ITERATIONS, salt.toString('base64'), key.toString('base64')].join('$');
  }
  const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, {
    N,
    r: R,
    p: P,
    maxmem: MAXMEM,
  });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Either scheme verifies, whatever the configured one (old hashes keep working after a switch). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('pbkdf2-sm3$')) {
    const [, iterations, salt, hash] = stored.split('$');
    const expected = Buffer.from(hash ?? '', 'base64');
    const rounds = Number(iterations);
    if (!salt || !expected.length || !Number.isInteger(rounds) || rounds < 1) return false;
    const key = await pbkdf2Async(
      password.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      rounds,
      expected.length,
      'sm3',
    );
    return timingSafeEqual(key, expected);
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(key, expected);
}

/** Whether a hash verified at sign-in should be rewritten in the configured scheme (e.g. scrypt → PBKDF2-SM3). */
export const passwordNeedsRehash = (stored: string): boolean => !stored.startsWith(`${passwordScheme()}$`);

/** A hash to compare against when the user does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@'];

/** A generated password that satisfies the default policy (4 classes, 14 chars, no look-alikes). */
export function generatePassword(length = 14): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)] as string);
  const all = ALPHABETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
  /** refuse a password that contains the username (default true) */
  rejectUsername?: boolean;
}

/** Reasons a password breaks the policy (empty when it is fine), as codes the UI can show. */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`length<${policy.minLength}`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) problems.push(`classes<${policy.minClasses}`);
  if (
    policy.rejectUsername !== false &&
    username &&
    password.toLowerCase().includes(username.toLowerCase())
  ) {
    problems.push('contains-username');
  }
  return problems;
}

/** The password rules of the policy in force, as passwordProblems() takes them. */
export const passwordRules = (policy: {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordRejectUsername: boolean;
}): PasswordPolicy => ({
  minLength: policy.passwordMinLength,
  minClasses: policy.passwordMinClasses,
  rejectUsername: policy.passwordRejectUsername,
});
