// 商用密码 primitives against the standards' own examples (GB/T 32905-2016 SM3, GB/T 32907-2016 SM4), and the
// field encryption of both engines: round trip, tamper, rotation, one database holding both schemes.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configureDataKey,
  decryptField,
  encryptField,
  isEncrypted,
  needsReencryption,
} from '../db/field-crypto.js';
import { AppError } from '../errors.js';
import { hashPassword, passwordNeedsRehash, verifyPassword } from '../modules/auth/index.js';
import { deriveEtmKeys, hmacSm3, openSm4, sealSm4, sm3, sm4EncryptBlock } from './algorithms.js';
import { configureCryptoMode } from './provider.js';
import { csrfTokenFor, newToken, tokenDigest, tokenDigests } from './tokens.js';

const KEY = randomBytes(32).toString('base64');
const NEXT_KEY = randomBytes(32).toString('base64');
const AUDIT_KEY = randomBytes(32).toString('base64');

const gm = () => configureCryptoMode('gm', AUDIT_KEY);
const intl = () => configureCryptoMode('intl');

afterEach(() => {
  intl();
  configureDataKey(null);
});

describe('GB/T 32905-2016 SM3 test vectors', () => {
  it('example 1: "abc"', () => {
    expect(sm3('abc').toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });
  it('example 2: "abcd" × 16 (512 bits)', () => {
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('GB/T 32907-2016 SM4 test vectors', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  it('example 1: one block, plaintext = key', () => {
    expect(sm4EncryptBlock(key, key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
  it('example 2: the same block encrypted 1,000,000 times', { timeout: 60_000 }, () => {
    expect(sm4EncryptBlock(key, key, 1_000_000).toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});

describe('SM4-CTR + HMAC-SM3 (encrypt-then-MAC)', () => {
  const keys = deriveEtmKeys(randomBytes(32));
  it('round-trips, with a fresh counter block each time', () => {
    const plain = Buffer.from('13912345678 办公室', 'utf8');
    const a = sealSm4(keys, 'h', plain);
    const b = sealSm4(keys, 'h', plain);
    expect(a.equals(b)).toBe(false);
    expect(openSm4(keys, 'h', a)?.toString('utf8')).toBe('13912345678 办公室');
  });
  it('derives different keys for SM4 and for the MAC', () => {
    expect(keys.enc).toHaveLength(16);
    expect(keys.mac.subarray(0, 16).equals(keys.enc)).toBe(false);
  });
  it('refuses any changed byte, a cut value, another header or another key', () => {
    const sealed = sealSm4(keys, 'h', Buffer.from('0574-88881234'));
    for (const at of [0, 15, 16, sealed.length - 33, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] = (bad[at] as number) ^ 0x01;
      expect(openSm4(keys, 'h', bad)).toBeNull();
    }
    expect(openSm4(keys, 'h', sealed.subarray(0, sealed.length - 1))).toBeNull();
    expect(openSm4(keys, 'h', sealed.subarray(0, 20))).toBeNull();
    expect(openSm4(keys, 'other', sealed)).toBeNull();
    expect(openSm4(deriveEtmKeys(randomBytes(32)), 'h', sealed)).toBeNull();
  });
  it('HMAC-SM3 is keyed', () => {
    expect(hmacSm3(Buffer.from('k1'), 'x').equals(hmacSm3(Buffer.from('k2'), 'x'))).toBe(false);
    expect(hmacSm3(Buffer.from('k1'), 'x')).toHaveLength(32);
  });
});

const integrityError = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('no error');
};

describe.each(['intl', 'gm'] as const)('field encryption, %s engine', (mode) => {
  const configure = (key: string | null, previous?: string) => {
    if (mode === 'gm') gm();
    else intl();
    configureDataKey(key, previous);
  };
  const prefix = mode === 'gm' ? 'enc:v2:' : 'enc:v1:';

  it('round-trips under its own scheme', () => {
    configure(KEY);
    const sealed = encryptField('13912345678');
    expect(sealed.startsWith(prefix)).toBe(true);
    expect(sealed).not.toContain('13912345678');
    expect(decryptField(sealed)).toBe('13912345678');
    expect(needsReencryption(sealed)).toBe(false);
  });

  it('refuses a tampered value with DATA_INTEGRITY, and other values still decrypt', () => {
    configure(KEY);
    const good = encryptField('0574-87770000');
    const sealed = encryptField('13912345678');
    const raw = Buffer.from(sealed.slice(sealed.lastIndexOf(':') + 1), 'base64');
    raw[raw.length >> 1] = (raw[raw.length >> 1] as number) ^ 0x80;
    const tampered = `${sealed.slice(0, sealed.lastIndexOf(':') + 1)}${raw.toString('base64')}`;
    const error = integrityError(() => decryptField(tampered));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('DATA_INTEGRITY');
    expect(decryptField(good)).toBe('0574-87770000');
    // a value moved to the other scheme's prefix is refused too (the MAC / tag covers the format)
    const moved = mode === 'gm' ? sealed.replace('enc:v2:', 'enc:v1:') : sealed.replace('enc:v1:', 'enc:v2:');
    expect(() => decryptField(moved)).toThrow();
  });

  it('rotates keys: the previous key still decrypts and its values are marked for re-encryption', () => {
    configure(KEY);
    const old = encryptField('0574-88881234');
    configure(NEXT_KEY, KEY);
    expect(decryptField(old)).toBe('0574-88881234');
    expect(needsReencryption(old)).toBe(true);
    const renewed = encryptField(decryptField(old));
    expect(needsReencryption(renewed)).toBe(false);
    configure(NEXT_KEY);
    expect(decryptField(renewed)).toBe('0574-88881234');
    expect(() => decryptField(old)).toThrow(/LIAISON_DATA_KEY/);
  });

  it('reads the other engine’s values, and marks them for re-encryption', () => {
    if (mode === 'gm') intl();
    else gm();
    configureDataKey(KEY);
    const other = encryptField('13800000000');
    configure(KEY);
    expect(decryptField(other)).toBe('13800000000');
    expect(isEncrypted(other)).toBe(true);
    expect(needsReencryption(other)).toBe(true);
  });
});

describe('tokens and password hashes by mode', () => {
  it('gm: SM3 token digests, CSRF bound to the session, lookups accept the intl digest', () => {
    gm();
    const token = newToken(32);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken(32)).not.toBe(token);
    expect(tokenDigest(token)).toBe(`sm3:${sm3(token).toString('hex')}`);
    expect(csrfTokenFor(token)).toBe(csrfTokenFor(token));
    expect(csrfTokenFor(token)).not.toBe(csrfTokenFor(newToken(32)));
    intl();
    const intlDigest = tokenDigest(token);
    expect(intlDigest).toMatch(/^[0-9a-f]{64}$/);
    gm();
    expect(tokenDigests(token)).toEqual([`sm3:${sm3(token).toString('hex')}`, intlDigest]);
  });

  it('gm: new passwords are PBKDF2-HMAC-SM3; scrypt hashes still verify and are due for an upgrade', async () => {
    intl();
    const scrypt = await hashPassword('Old-pass-2026');
    expect(scrypt.startsWith('scrypt$')).toBe(true);
    gm();
    expect(await verifyPassword('Old-pass-2026', scrypt)).toBe(true);
    expect(passwordNeedsRehash(scrypt)).toBe(true);
    const sm3Hash = await hashPassword('New-pass-2026');
    expect(sm3Hash).toMatch(/^pbkdf2-sm3\$200000\$/);
    expect(await verifyPassword('New-pass-2026', sm3Hash)).toBe(true);
    expect(await verifyPassword('new-pass-2026', sm3Hash)).toBe(false);
    expect(passwordNeedsRehash(sm3Hash)).toBe(false);
    // the forced scheme wins over the mode
    configureCryptoMode('gm', AUDIT_KEY, 'scrypt');
    expect((await hashPassword('x-Pass-2026')).startsWith('scrypt$')).toBe(true);
    intl();
    expect(await verifyPassword('New-pass-2026', sm3Hash)).toBe(true);
  });
});
