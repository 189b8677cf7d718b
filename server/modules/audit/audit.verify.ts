import type { Executor } from '../../context.js';
import type { ChainedFields } from './audit.chain.js';
import { checkChainHash, GENESIS_HASH, isKeyedHash } from './audit.chain.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** the first entry whose content or link does not match, when not ok */
  firstBadId: number | null;
  reason: string | null;
}

/** Where the trail in the database begins after `liaison audit archive`: the last archived entry. */
export interface ArchiveAnchor {
  /** the id of the last entry written to the archive file and removed */
  lastId: number;
  /** its hash: the first entry left must link to it */
  lastHash: string;
}

/**
 * The anchor recorded by the latest archive run (an `audit.archive` entry, itself part of the chain), or null
 * when nothing was ever archived and the trail starts at the genesis hash.
 */
export async function archiveAnchor(db: Executor): Promise<ArchiveAnchor | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('after_json')
    .where('action', '=', 'audit.archive')
    .where('outcome', '=', 'ok')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row?.after_json) return null;
  const after = JSON.parse(row.after_json) as Partial<ArchiveAnchor>;
  if (typeof after.lastId !== 'number' || typeof after.lastHash !== 'string') return null;
  return { lastId: after.lastId, lastHash: after.lastHash };
}

/** Why an entry's hash is not right (null when it is): content changed, a downgrade, or a key not held. */
export function entryProblem(
  prevHash: string,
  e: ChainedFields & { hash: string },
  keyedSeen: boolean,
): string | null {
  if (keyedSeen && !isKeyedHash(e.hash)) return 'a plain SHA-256 entry after HMAC-SM3 entries (downgraded)';
  const check = checkChainHash(prevHash, e, e.hash);
  if (check === 'no-key')
    return 'entry is keyed with an audit key that is not configured (LIAISON_AUDIT_KEY)';
  return check === 'ok' ? null : 'content does not match its hash';
}

/**
 * Walk the chain in id order, in pages, recomputing each hash from its content and its predecessor. After an
 * archive the walk starts from the archived entries' last hash, so removing old entries the sanctioned way
 * keeps the trail verifiable, while removing any other way still breaks it.
 */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<VerifyResult> {
  const anchor = await archiveAnchor(db);
  if (anchor) {
    // an archive removes everything up to its anchor: an entry left there means the anchor is not genuine
    const leftover = await db
      .selectFrom('audit_log')
      .select('id')
      .where('id', '<=', anchor.lastId)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (leftover) {
      return {
        ok: false,
        checked: 0,
        firstBadId: leftover.id,
        reason: 'entry lies in an archived range but is still present',
      };
    }
  }
  const { last: _last, ...result } = await walkChain(
    db,
    { id: anchor?.lastId ?? 0, hash: anchor?.lastHash ?? GENESIS_HASH },
    pageSize,
  );
  return result;
}

/**
 * The walk itself, from a known entry (id + hash) on: each entry must link to the one before and match its hash.
 * `last` is the last entry checked (the start when there is nothing after it).
 */
export async function walkChain(
  db: Executor,
  start: { id: number; hash: string },
  pageSize = 5000,
): Promise<VerifyResult & { last: { id: number; hash: string } }> {
  let prev = start.hash;
  let lastId = start.id;
  let checked = 0;
  let keyedSeen = isKeyedHash(prev);
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    const last = { id: lastId, hash: prev };
    if (!page.length) return { ok: true, checked, firstBadId: null, reason: null, last };
    for (const e of page) {
      const bad = (reason: string) => ({ ok: false, checked, firstBadId: e.id, reason, last });
      if (e.prev_hash !== prev) return bad('prev_hash does not link to the entry before');
      const reason = entryProblem(prev, e, keyedSeen);
      if (reason) return bad(reason);
      keyedSeen ||= isKeyedHash(e.hash);
      prev = e.hash;
      lastId = e.id;
      checked++;
    }
  }
}
