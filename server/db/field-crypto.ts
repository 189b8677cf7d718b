import { createHash } from 'node:crypto';
import {
  deriveEtmKeys,
  type EtmKeys,
  openAesGcm,
  openSm4,
  sealAesGcm,
  sealSm4,
  sm3,
} from '../crypto/algorithms.js';
import { cryptoMode } from '../crypto/provider.js';
import { AppError } from '../errors.js';

/**
 * Encryption at rest of single columns (phone numbers, TOTP secrets), stored as text that names its scheme:
 * - `enc:v1:<key id>:<base64(nonce ‖ tag ‖ ciphertext)>` — AES-256-GCM (LIAISON_CRYPTO=intl, the default);
 * - `enc:v2:<key id>:<base64(iv ‖ ciphertext ‖ mac)>` — SM4-CTR + HMAC-SM3, encrypt-then-MAC (LIAISON_CRYPTO=gm;
 *   OpenSSL has no SM4-GCM). The MAC covers the prefix, so a value cannot be moved to another scheme or key.
 * Both are read in either mode; new values are written in the mode's scheme. A value whose tag or MAC does not
 * match is refused with DATA_INTEGRITY (never decrypted to garbage); other values are unaffected.
 *
 * The key (LIAISON_DATA_KEY, 32 bytes in base64) is process-wide: configured once at start by the app and
 * the CLI. `LIAISON_DATA_KEY_PREVIOUS` still decrypts during a key rotation (`liaison data encrypt`
 * re-encrypts every value with the current key and scheme). Values written before a key was configured stay
 * readable as they are (plain text has no `enc:` prefix) until `liaison data encrypt` runs.
 */
const V1 = 'enc:v1:';
const V2 = 'enc:v2:';

interface Key {
  /** the key's fingerprint in v1 values (SHA-256) and in v2 values (SM3) */
  id: string;
  gmId: string;
  bytes: Buffer;
  etm: EtmKeys;
}

let current: Key | null = null;
let previous: Key | null = null;

const toKeyRecord = (bytes: Buffer): Key => ({
  id: createHash('sha256').update(bytes).digest('hex').slice(0, 8),
  gmId: sm3(bytes).toString('hex').slice(0, 8),
  bytes,
  etm: deriveEtmKeys(bytes),
});

/** Decode a base64 key; throws unless it is exactly 32 bytes of valid base64. */
export function parseDataKey(base64: string): Buffer {
  const text = base64.trim();
  const bytes = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || bytes.length !== 32) {
    throw new Error('LIAISON_DATA_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  return bytes;
}

/** Set (or clear, with null) the key used to encrypt, and optionally a previous one still accepted to decrypt. */
export function configureDataKey(key: string | Buffer | null | undefined, previousKey?: string | null): void {
  const toKey = (k: string | Buffer): Key => {
    const bytes = typeof k === 'string' ? parseDataKey(k) : k;
    if (bytes.length !== 32) throw new Error('LIAISON_DATA_KEY must be 32 bytes');
    return toKeyRecord(bytes);
  };
  current = key ? toKey(key) : null;
  previous = previousKey ? toKey(previousKey) : null;
}

export const dataKeyConfigured = (): boolean => current !== null;

export const isEncrypted = (value: string | null | undefined): boolean =>
  typeof value === 'string' && (value.startsWith(V1) || value.startsWith(V2));

/** The prefix new values get: the mode's scheme and the current key. */
const currentPrefix = (key: Key): string => (cryptoMode() === 'gm' ? `${V2}${key.gmId}:` : `${V1}${key.id}:`);

/** Encrypt a value for storage; without a configured key (or for null) the value is returned as it is. */
export function encryptField(value: string): string;
export function encryptField(value: string | null): string | null;
export function encryptField(value: string | null | undefined): string | null | undefined;
export function encryptField(value: string | null | undefined): string | null | undefined {
  if (value == null || !current || isEncrypted(value)) return value;
  const prefix = currentPrefix(current);
  const plain = Buffer.from(value, 'utf8');
  const sealed =
    cryptoMode() === 'gm' ? sealSm4(current.etm, prefix, plain) : sealAesGcm(current.bytes, plain);
  return `${prefix}${sealed.toString('base64')}`;
}

/** Decrypt a stored value; plain text (written before encryption was configured) is returned as it is. */
export function decryptField(value: string): string;
export function decryptField(value: string | null): string | null;
export function decryptField(value: string | null | undefined): string | null | undefined;
export function decryptField(value: string | null | undefined): string | null | undefined {
  if (value == null || !isEncrypted(value)) return value;
  const gm = value.startsWith(V2);
  const rest = value.slice(V1.length);
  const colon = rest.indexOf(':');
  const id = rest.slice(0, colon);
  const key = [current, previous].find((k) => k && (gm ? k.gmId : k.id) === id);
  if (!key) {
    throw new Error(
      `an encrypted value needs the data key ${id}: set LIAISON_DATA_KEY (or LIAISON_DATA_KEY_PREVIOUS)`,
    );
  }
  const raw = Buffer.from(rest.slice(colon + 1), 'base64');
  const plain = gm
    ? openSm4(key.etm, value.slice(0, V1.length + colon + 1), raw)
    : openAesGcm(key.bytes, raw);
  if (!plain) throw new AppError('DATA_INTEGRITY', { scheme: gm ? 'SM4-CTR/HMAC-SM3' : 'AES-256-GCM' });
  return plain.toString('utf8');
}

/**
 * Whether a stored value should be rewritten by `liaison data encrypt` / `liaison crypto switch-to-gm`: plain,
 * under another key, or under the other mode's scheme.
 */
export function needsReencryption(value: string | null): boolean {
  if (value == null || !current) return false;
  return !value.startsWith(currentPrefix(current));
}

/** Encrypt / decrypt the named columns of a row (a copy; other columns untouched). */
export function encryptColumns<T extends object, K extends keyof T>(row: T, columns: readonly K[]): T {
  const out = { ...row };
  for (const c of columns) {
    const v = out[c];
    if (typeof v === 'string') out[c] = encryptField(v) as T[K];
  }
  return out;
}

export function decryptColumns<T extends object, K extends keyof T>(row: T, columns: readonly K[]): T {
  const out = { ...row };
  for (const c of columns) {
    const v = out[c];
    if (typeof v === 'string') out[c] = decryptField(v) as T[K];
  }
  return out;
}
