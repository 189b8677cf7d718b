import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption at rest of single columns (phone numbers, TOTP secrets): AES-256-GCM with a random 96-bit
 * nonce per value, stored as text `enc:v1:<key id>:<base64(nonce ‖ tag ‖ ciphertext)>`.
 *
 * Why AES-256-GCM and not SM4: GCM is authenticated (a changed byte fails to decrypt rather than decrypting
 * to garbage), and Node's OpenSSL offers SM4 only as sm4-cbc / sm4-ctr / sm4-ecb — no SM4-GCM. SM4 would need
 * SM4-CTR + HMAC-SM3 built by hand; the format carries a version (`v1`) so such a scheme can be added as `v2`
 * where a 商用密码 assessment requires it (docs/SECURITY.md).
 *
 * The key (LIAISON_DATA_KEY, 32 bytes in base64) is process-wide: configured once at start by the app and
 * the CLI. `LIAISON_DATA_KEY_PREVIOUS` still decrypts during a key rotation (`liaison data encrypt`
 * re-encrypts every value with the current key). Values written before a key was configured stay readable
 * as they are (plain text has no `enc:` prefix) until `liaison data encrypt` runs.
 */
const PREFIX = 'enc:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  bytes: Buffer;
}

let current: Key | null = null;
let previous: Key | null = null;

const keyId = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

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
    return { id: keyId(bytes), bytes };
  };
  current = key ? toKey(key) : null;
  previous = previousKey ? toKey(previousKey) : null;
}

export const dataKeyConfigured = (): boolean => current !== null;

export const isEncrypted = (value: string | null | undefined): boolean =>
  typeof value === 'string' && value.startsWith(PREFIX);

/** Encrypt a value for storage; without a configured key (or for null) the value is returned as it is. */
export function encryptField(value: string): string;
export function encryptField(value: string | null): string | null;
export function encryptField(value: string | null | undefined): string | null | undefined;
export function encryptField(value: string | null | undefined): string | null | undefined {
  if (value == null || !current || isEncrypted(value)) return value;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.bytes, nonce);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `${PREFIX}${current.id}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Decrypt a stored value; plain text (written before encryption was configured) is returned as it is. */
export function decryptField(value: string): string;
export function decryptField(value: string | null): string | null;
export function decryptField(value: string | null | undefined): string | null | undefined;
export function decryptField(value: string | null | undefined): string | null | undefined {
  if (value == null || !isEncrypted(value)) return value;
  const rest = value.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const id = rest.slice(0, colon);
  const key = [current, previous].find((k) => k?.id === id);
  if (!key) {
    throw new Error(
      `an encrypted value needs the data key ${id}: set LIAISON_DATA_KEY (or LIAISON_DATA_KEY_PREVIOUS)`,
    );
  }
  const raw = Buffer.from(rest.slice(colon + 1), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, raw.subarray(0, NONCE_BYTES));
  decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}

/** Whether a stored value should be rewritten by `liaison data encrypt`: plain, or under another key. */
export function needsReencryption(value: string | null): boolean {
  if (value == null || !current) return false;
  if (!isEncrypted(value)) return true;
  return !value.startsWith(`${PREFIX}${current.id}:`);
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
