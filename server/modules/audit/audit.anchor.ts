// The trail's end, anchored outside the database (issue 13 item 5). The hash chain shows an entry was changed,
// but removing the newest entries leaves a shorter chain that is still intact. So the chain head (id + hash) is
// written to a file outside the database — at each `liaison audit verify`, on the sweep timer, and beside each
// backup — and a later check fails when the anchored entry is gone or differs. Each anchor carries a MAC with
// LIAISON_AUDIT_KEY (HMAC-SM3 in gm mode, HMAC-SHA-256 in intl mode), so one with database access alone cannot
// write a matching anchor.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Executor } from '../../context.js';
import { auditMac, checkAuditMac } from '../../crypto/provider.js';
import type { Database } from '../../db/schema.js';
import { archiveAnchor, type VerifyResult, verifyAuditChain, walkChain } from './audit.verify.js';
import { appendAuditAlone } from './audit.writer.js';

export interface ChainHead {
  id: number;
  hash: string;
}

export interface AuditAnchor extends ChainHead {
  at: string;
  /** what recorded it: verify, sweep, backup <file>, restore <file> */
  source: string;
  /** auditMac over the fields above; null when no LIAISON_AUDIT_KEY is configured */
  mac: string | null;
}

/** The anchor file of a configuration: LIAISON_AUDIT_ANCHOR_FILE, else LIAISON_BACKUP_DIR/audit-anchors.jsonl. */
export function anchorFileOf(
  config: Pick<Config, 'LIAISON_AUDIT_ANCHOR_FILE' | 'LIAISON_BACKUP_DIR'>,
): string | null {
  if (config.LIAISON_AUDIT_ANCHOR_FILE) return config.LIAISON_AUDIT_ANCHOR_FILE;
  return config.LIAISON_BACKUP_DIR ? join(config.LIAISON_BACKUP_DIR, 'audit-anchors.jsonl') : null;
}

export async function chainHead(db: Executor): Promise<ChainHead | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

const macFields = (a: Omit<AuditAnchor, 'mac'>): string[] => [
  'liaison/audit-anchor/v1',
  a.at,
  String(a.id),
  a.hash,
  a.source,
];

export function makeAnchor(head: ChainHead, source: string, at = new Date()): AuditAnchor {
  const anchor = { id: head.id, hash: head.hash, at: at.toISOString(), source };
  return { ...anchor, mac: auditMac(...macFields(anchor)) };
}

/** Append an anchor to an anchor file (JSON lines; created with its directory, readable by the owner only). */
export function writeAnchor(file: string, anchor: AuditAnchor): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** An anchor file holding one anchor (the file written beside a backup). */
export const readAnchorFile = (file: string): AuditAnchor | null => lastAnchor(file);

/** The newest anchor of a file, or null when there is none; throws when the last line is not a valid anchor. */
export function lastAnchor(file: string): AuditAnchor | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const line = lines.at(-1);
  if (!line) return null;
  const a = JSON.parse(line) as AuditAnchor;
  if (typeof a.id !== 'number' || typeof a.hash !== 'string' || typeof a.at !== 'string') {
    throw new Error(`${file}: the last anchor is malformed`);
  }
  return a;
}

export interface AnchorCheck {
  ok: boolean;
  reason: string | null;
}

/**
 * Whether the trail still holds an anchor's entry with the anchored hash (or archived it the sanctioned way), and
 * the anchor's MAC is genuine. Fails when the newest entries were removed (or replaced) since the anchor.
 */
export async function checkAnchor(db: Executor, anchor: AuditAnchor): Promise<AnchorCheck> {
  if (anchor.mac) {
    const mac = checkAuditMac(anchor.mac, ...macFields(anchor));
    if (mac === 'mismatch')
      return { ok: false, reason: 'the anchor’s MAC does not match (anchor file altered)' };
    if (mac === 'no-key')
      return {
        ok: false,
        reason: 'the anchor is keyed with an audit key that is not configured (LIAISON_AUDIT_KEY)',
      };
  }
  const archived = await archiveAnchor(db);
  if (archived && anchor.id <= archived.lastId) return { ok: true, reason: null };
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', anchor.id).executeTakeFirst();
  if (!row) {
    return {
      ok: false,
      reason: `entry ${anchor.id}, the trail’s end anchored at ${anchor.at} (${anchor.source}), is missing: the newest entries were removed`,
    };
  }
  if (row.hash !== anchor.hash) {
    return {
      ok: false,
      reason: `entry ${anchor.id} differs from its anchor of ${anchor.at} (${anchor.source}): entries were removed and replaced`,
    };
  }
  return { ok: true, reason: null };
}

export interface AnchoredVerifyResult extends VerifyResult {
  /** the anchor written after a successful check, or null (failed, empty trail, no anchor file) */
  anchored: AuditAnchor | null;
  /** the anchor checked against, or null when there was none */
  previous: AuditAnchor | null;
}

/** The entry recording that anchoring began (the newest), or null. */
async function anchoringBegan(db: Executor): Promise<{ id: number; file: string } | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['id', 'after_json'])
    .where('action', '=', 'audit.anchor')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const after = JSON.parse(row.after_json ?? '{}') as { file?: string };
  return { id: row.id, file: after.file ?? '?' };
}

/**
 * `liaison audit verify`: the whole chain, then the last anchor; when both pass, the head is anchored anew
 * (a failed check never moves the anchor, so a later verify keeps failing).
 */
export async function verifyAndAnchor(
  db: Executor,
  file: string | null,
  source = 'verify',
): Promise<AnchoredVerifyResult> {
  const chain = await verifyAuditChain(db);
  const previous = file ? lastAnchor(file) : null;
  if (!chain.ok) return { ...chain, anchored: null, previous };
  if (file && !previous) {
    // the first anchor in this file: unless the trail says anchoring already began (then the file was removed),
    // record on the trail that it begins, so deleting the file later is itself found
    const began = await anchoringBegan(db);
    if (began) {
      const reason = `the trail records that anchoring began in ${began.file} (entry ${began.id}), but ${file} holds no anchor: the anchor file was removed (or LIAISON_AUDIT_ANCHOR_FILE changed — copy the old file there)`;
      return { ...chain, ok: false, firstBadId: began.id, reason, anchored: null, previous };
    }
    await appendAuditAlone(
      db,
      { actor: null, ip: null },
      {
        action: 'audit.anchor',
        entityType: 'audit_log',
        after: { file },
        detail: 'anchoring of the chain head begins',
      },
    );
  }
  if (previous) {
    const check = await checkAnchor(db, previous);
    if (!check.ok)
      return { ...chain, ok: false, firstBadId: previous.id, reason: check.reason, anchored: null, previous };
  }
  const head = await chainHead(db);
  const anchored = head ? makeAnchor(head, source) : null;
  if (file && anchored && (!previous || previous.id !== anchored.id || previous.hash !== anchored.hash)) {
    writeAnchor(file, anchored);
  }
  return { ...chain, anchored, previous };
}

/**
 * The periodic anchor (with the sweep): cheap — checks the last anchor and only the entries after it (their links
 * and hashes), then anchors the new head. Returns the problem instead of anchoring when the check fails.
 */
export async function anchorIncrementally(
  db: Kysely<Database>,
  file: string,
): Promise<AnchorCheck & { anchored: AuditAnchor | null }> {
  const previous = lastAnchor(file);
  if (!previous) {
    const full = await verifyAndAnchor(db, file, 'sweep');
    return { ok: full.ok, reason: full.reason, anchored: full.ok ? full.anchored : null };
  }
  const check = await checkAnchor(db, previous);
  if (!check.ok) return { ...check, anchored: null };
  // an anchor older than the last archive: the walk starts where the archive left the trail
  const archived = await archiveAnchor(db);
  const start =
    archived && previous.id <= archived.lastId ? { id: archived.lastId, hash: archived.lastHash } : previous;
  const walk = await walkChain(db, start);
  if (!walk.ok) return { ok: false, reason: `entry ${walk.firstBadId}: ${walk.reason}`, anchored: null };
  if (walk.last.id === previous.id || walk.last.id === start.id)
    return { ok: true, reason: null, anchored: null };
  const anchored = makeAnchor(walk.last, 'sweep');
  writeAnchor(file, anchored);
  return { ok: true, reason: null, anchored };
}
