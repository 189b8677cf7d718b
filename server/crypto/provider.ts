import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { hmacSm3, sm3 } from './algorithms.js';

/**
 * Which algorithms this process writes with (LIAISON_CRYPTO): `intl` (AES-256-GCM, SHA-256, scrypt — the
 * default) or `gm` (商用密码: SM4, SM3 / HMAC-SM3, PBKDF2-HMAC-SM3). Everything written carries its algorithm
 * (`enc:v1:` / `enc:v2:`, `hmac-sm3:` audit hashes, `sm3:` token digests, `pbkdf2-sm3$` password hashes), so
 * values of both modes are read in either mode and one database holds both during a switch
 * (`liaison crypto switch-to-gm`). docs/CRYPTO.md maps this to GB/T 39786-2021.
 */
export type CryptoMode = 'intl' | 'gm';

interface Key {
  id: string;
  bytes: Buffer;
}

export type PasswordScheme = 'scrypt' | 'pbkdf2-sm3';

let mode: CryptoMode = 'intl';
let auditKey: Key | null = null;
let passwordHash: PasswordScheme | 'auto' = 'auto';

/**
 * Set the mode, the audit key (LIAISON_AUDIT_KEY, 32 bytes base64: the HMAC key of the gm audit chain and of the
 * anchors) and the scheme of new password hashes (LIAISON_PASSWORD_HASH).
 */
export function configureCryptoMode(
  next: CryptoMode,
  auditKeyBase64?: string | null,
  passwords: PasswordScheme | 'auto' = 'auto',
): void {
  mode = next;
  passwordHash = passwords;
  if (auditKeyBase64) {
    const bytes = Buffer.from(auditKeyBase64.trim(), 'base64');
    if (bytes.length !== 32) throw new Error('LIAISON_AUDIT_KEY must be 32 bytes, base64-encoded');
    auditKey = { id: sm3(bytes).toString('hex').slice(0, 8), bytes };
  } else {
    auditKey = null;
  }
  if (mode === 'gm' && !auditKey) throw new Error('LIAISON_CRYPTO=gm needs LIAISON_AUDIT_KEY');
}

export const cryptoMode = (): CryptoMode => mode;

/** The scheme new password hashes are written with (`auto`: scrypt in intl mode, PBKDF2-HMAC-SM3 in gm mode). */
export const passwordScheme = (): PasswordScheme =>
  passwordHash !== 'auto' ? passwordHash : mode === 'gm' ? 'pbkdf2-sm3' : 'scrypt';

/**
 * A keyed MAC of the audit trail's records (chain entries in gm mode, anchors in both modes), self-describing as
 * `<algorithm>:<key id>:<hex>`: HMAC-SM3 in gm mode, HMAC-SHA-256 in intl mode; null without an audit key.
 */
export function auditMac(...parts: string[]): string | null {
  if (!auditKey) return null;
  if (mode === 'gm') return `hmac-sm3:${auditKey.id}:${hmacSm3(auditKey.bytes, ...parts).toString('hex')}`;
  const mac = createHmac('sha256', auditKey.bytes);
  for (const p of parts) mac.update(p);
  return `hmac-sha256:${auditKey.id}:${mac.digest('hex')}`;
}

export type MacCheck = 'ok' | 'mismatch' | 'no-key';

/** Check a value made by auditMac, whatever the current mode (the algorithm is read from the value). */
export function checkAuditMac(stored: string, ...parts: string[]): MacCheck {
  const [alg, id, hex] = stored.split(':');
  if (!auditKey || auditKey.id !== id) return 'no-key';
  let expected: Buffer;
  if (alg === 'hmac-sm3') expected = hmacSm3(auditKey.bytes, ...parts);
  else if (alg === 'hmac-sha256') {
    const mac = createHmac('sha256', auditKey.bytes);
    for (const p of parts) mac.update(p);
    expected = mac.digest();
  } else return 'mismatch';
  const given = Buffer.from(hex ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}

/** Plain SHA-256 in hex (the intl audit chain, and fingerprints of files). */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
