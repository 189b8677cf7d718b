import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * The national (商用密码) primitives this app uses, all from Node's bundled OpenSSL: SM3 (GB/T 32905-2016) as a
 * hash and in HMAC, SM4 (GB/T 32907-2016) in CTR mode. OpenSSL offers no SM4-GCM, so authenticated encryption is
 * built as encrypt-then-MAC: SM4-CTR, then HMAC-SM3 over the header, the counter block and the ciphertext.
 */

export const sm3 = (data: string | Buffer): Buffer => createHash('sm3').update(data).digest();

export const hmacSm3 = (key: Buffer, ...parts: (string | Buffer)[]): Buffer => {
  const mac = createHmac('sm3', key);
  for (const p of parts) mac.update(p);
  return mac.digest();
};

/** The bare SM4 block cipher applied `times` times to one block (the standard's test vectors; never on data). */
export function sm4EncryptBlock(key: Buffer, block: Buffer, times = 1): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null);
  cipher.setAutoPadding(false);
  let out = block;
  for (let i = 0; i < times; i++) out = cipher.update(out);
  return out;
}

const IV_BYTES = 16;
const MAC_BYTES = 32;

/** The two keys of SM4-CTR + HMAC-SM3, derived from one 32-byte data key (never the same key for both jobs). */
export interface EtmKeys {
  enc: Buffer;
  mac: Buffer;
}

export function deriveEtmKeys(dataKey: Buffer): EtmKeys {
  return {
    enc: hmacSm3(dataKey, 'liaison/sm4-ctr/enc').subarray(0, 16),
    mac: hmacSm3(dataKey, 'liaison/hmac-sm3/mac'),
  };
}

/** SM4-CTR then HMAC-SM3 over `header ‖ iv ‖ ciphertext`: returns `iv ‖ ciphertext ‖ mac`. */
export function sealSm4(keys: EtmKeys, header: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-ctr', keys.enc, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, hmacSm3(keys.mac, header, iv, body)]);
}

/** The plain bytes, or null when the MAC does not match (a changed byte, a cut value or another key). */
export function openSm4(keys: EtmKeys, header: string, sealed: Buffer): Buffer | null {
  if (sealed.length < IV_BYTES + MAC_BYTES) return null;
  const iv = sealed.subarray(0, IV_BYTES);
  const body = sealed.subarray(IV_BYTES, sealed.length - MAC_BYTES);
  const mac = sealed.subarray(sealed.length - MAC_BYTES);
  if (!timingSafeEqual(mac, hmacSm3(keys.mac, header, iv, body))) return null;
  const decipher = createDecipheriv('sm4-ctr', keys.enc, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** AES-256-GCM, the `intl` engine: returns `nonce ‖ tag ‖ ciphertext`. */
export function sealAesGcm(key: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** The plain bytes, or null when the tag does not match. */
export function openAesGcm(key: Buffer, sealed: Buffer): Buffer | null {
  if (sealed.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}
