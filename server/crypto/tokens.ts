import { randomBytes } from 'node:crypto';
import { hmacSm3, sm3 } from './algorithms.js';
import { cryptoMode, sha256Hex } from './provider.js';

/**
 * Secrets handed to a browser or a calendar app (session tokens, CSRF tokens, feed tokens) and the digests under
 * which they are stored (the database never holds a usable token).
 *
 * gm mode: a token is SM3 over 32 bytes of the operating system's random generator (the random source itself is
 * the platform's — a certified generator is a deployment item, docs/CRYPTO.md); its stored digest is
 * `sm3:<hex>`; a CSRF token is HMAC-SM3 of the session token, so it is bound to that session.
 * intl mode: random bytes, SHA-256 digests (64 hex digits, no prefix), a random CSRF token.
 */

/** A new token of `bytes` (≤ 32) bytes, base64url. */
export function newToken(bytes: number): string {
  if (cryptoMode() !== 'gm') return randomBytes(bytes).toString('base64url');
  return sm3(Buffer.concat([Buffer.from('liaison/token'), randomBytes(32)]))
    .subarray(0, bytes)
    .toString('base64url');
}

/** The CSRF token of a new session. */
export function csrfTokenFor(sessionToken: string): string {
  if (cryptoMode() !== 'gm') return randomBytes(24).toString('base64url');
  return hmacSm3(Buffer.from(sessionToken), 'liaison/csrf').subarray(0, 24).toString('base64url');
}

const sm3Digest = (token: string): string => `sm3:${sm3(token).toString('hex')}`;

/** The digest a token is stored under, in this mode. */
export const tokenDigest = (token: string): string =>
  cryptoMode() === 'gm' ? sm3Digest(token) : sha256Hex(token);

/** Every digest a token may be stored under (this mode's first): tokens issued before a switch keep working. */
export const tokenDigests = (token: string): string[] =>
  cryptoMode() === 'gm' ? [sm3Digest(token), sha256Hex(token)] : [sha256Hex(token), sm3Digest(token)];
