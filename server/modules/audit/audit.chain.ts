import { auditMac, checkAuditMac, cryptoMode, sha256Hex } from '../../crypto/provider.js';
import type { AuditLogTable } from '../../db/schema.js';

/** The fields a hash covers, in a fixed order: changing any of them breaks the chain from that entry on. */
export type ChainedFields = Omit<AuditLogTable, 'id' | 'prev_hash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

const canonicalOf = (e: ChainedFields): string =>
  JSON.stringify([
    e.at,
    e.actor_id,
    e.actor_username,
    e.ip,
    e.action,
    e.entity_type,
    e.entity_id,
    e.outcome,
    e.region_id,
    e.before_json,
    e.after_json,
    e.detail,
  ]);

/**
 * The hash of a new entry, linked to its predecessor's: SHA-256 in intl mode (64 hex digits), HMAC-SM3 keyed with
 * LIAISON_AUDIT_KEY in gm mode (`hmac-sm3:<key id>:<hex>` — without the key nobody can recompute a changed chain),
 * HMAC-SHA-256 (`hmac-sha256:…`) in intl mode after keyed entries.
 */
export function chainHash(prevHash: string, e: ChainedFields): string {
  const canonical = canonicalOf(e);
  // a keyed chain stays keyed: back in intl mode after gm (with the audit key) it goes on with HMAC-SHA-256; without
  // the key it cannot, and verify reports the plain entry as a downgrade
  if (cryptoMode() === 'gm' || isKeyedHash(prevHash)) {
    const mac = auditMac(prevHash, '\n', canonical);
    if (mac) return mac;
    if (cryptoMode() === 'gm') throw new Error('LIAISON_CRYPTO=gm needs LIAISON_AUDIT_KEY');
  }
  return sha256Hex(`${prevHash}\n${canonical}`);
}

/** Whether a stored hash is keyed (gm); a plain SHA-256 entry after a keyed one is a downgrade. */
export const isKeyedHash = (hash: string): boolean => hash.startsWith('hmac-');

/**
 * Check an entry's stored hash by the algorithm it names (either mode reads both): `ok`, `mismatch`, or `no-key`
 * when it is keyed with an audit key this process does not hold.
 */
export function checkChainHash(
  prevHash: string,
  e: ChainedFields,
  stored: string,
): 'ok' | 'mismatch' | 'no-key' {
  const canonical = canonicalOf(e);
  if (isKeyedHash(stored)) return checkAuditMac(stored, prevHash, '\n', canonical);
  return sha256Hex(`${prevHash}\n${canonical}`) === stored ? 'ok' : 'mismatch';
}
