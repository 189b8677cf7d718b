import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Kysely } from 'kysely';
import { inAuditArchiveTransaction } from '../../db/connect.js';
import type { AuditEntry, Database } from '../../db/schema.js';
import { isKeyedHash } from './audit.chain.js';
import { entryProblem, verifyAuditChain } from './audit.verify.js';
import { type AuditSource, appendAudit } from './audit.writer.js';

/** 等保 2.0 (8.1.4.3 d): audit records are kept at least six months. */
export const AUDIT_RETENTION_DAYS = 180;

const OFFSET_MS = 8 * 3600_000; // Asia/Shanghai, no daylight saving

export interface ArchiveSummary {
  /** the file written (absolute), or null when there was nothing to archive */
  file: string | null;
  sha256: string | null;
  count: number;
  firstId: number | null;
  lastId: number | null;
  lastHash: string | null;
}

/** The instant a date (YYYY-MM-DD, Asia/Shanghai) begins; throws on anything else. */
function dayStart(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`--before must be a date YYYY-MM-DD (got "${date}")`);
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date)
    throw new Error(`no such date ${date}`);
  return t - OFFSET_MS;
}

/**
 * Archive the audit entries written before `before` (a date, Asia/Shanghai): refused unless that date is at
 * least 180 days ago (the retention), and unless the trail verifies — an altered trail is not archived away.
 *
 * 1. The entries (a contiguous prefix of the chain: the oldest, up to the last one before the date) are written
 *    to `out` as JSON lines, every column including prev_hash and hash, and the file is synced.
 * 2. One transaction appends an `audit.archive` entry naming the file, its sha256, the count, and the last
 *    archived id and hash — the anchor from which `audit verify` walks from now on — and only then removes the
 *    entries (the append-only trigger lets DELETE pass inside that transaction only).
 */
export async function archiveAudit(
  db: Kysely<Database>,
  source: AuditSource,
  options: { before: string; out: string; now?: Date },
): Promise<ArchiveSummary> {
  const now = (options.now ?? new Date()).getTime();
  const cutoff = dayStart(options.before);
  if (cutoff > now - AUDIT_RETENTION_DAYS * 86_400_000) {
    throw new Error(
      `refused: audit entries are kept at least ${AUDIT_RETENTION_DAYS} days; --before must be on or before ${new Date(
        now - AUDIT_RETENTION_DAYS * 86_400_000 + OFFSET_MS,
      )
        .toISOString()
        .slice(0, 10)}`,
    );
  }
  const target = resolve(options.out);
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);

  const verified = await verifyAuditChain(db);
  if (!verified.ok) {
    throw new Error(
      `refused: the audit trail does not verify (entry ${verified.firstBadId}: ${verified.reason}); nothing archived`,
    );
  }

  // The archived range is a prefix of the chain: everything before the first entry written on or after the date
  // (entries are appended in id order; a clock step back must not leave a hole in the chain).
  const cutoffIso = new Date(cutoff).toISOString();
  const firstKept = await db
    .selectFrom('audit_log')
    .select('id')
    .where('at', '>=', cutoffIso)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  let range = db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.min('id').as('first'), eb.fn.max('id').as('last')]);
  if (firstKept) range = range.where('id', '<', firstKept.id);
  const bounds = await range.executeTakeFirst();
  const firstId = bounds?.first == null ? null : Number(bounds.first);
  const lastId = bounds?.last == null ? null : Number(bounds.last);
  if (firstId === null || lastId === null) {
    return { file: null, sha256: null, count: 0, firstId: null, lastId: null, lastHash: null };
  }

  // 1. the file, written under a temporary name and renamed once complete and synced
  const partial = `${target}.partial`;
  const hash = createHash('sha256');
  const handle = await open(partial, 'wx', 0o600);
  let count = 0;
  let last: AuditEntry | null = null;
  try {
    let after = firstId - 1;
    for (;;) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>', after)
        .where('id', '<=', lastId)
        .orderBy('id')
        .limit(2000)
        .execute();
      if (!page.length) break;
      const chunk = `${page.map((e) => JSON.stringify(e)).join('\n')}\n`;
      hash.update(chunk);
      await handle.write(chunk);
      count += page.length;
      last = page.at(-1) ?? last;
      after = last?.id ?? after;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await rename(partial, target);
  if (!last) throw new Error('nothing read from the audit trail');
  const sha256 = hash.digest('hex');
  const summary: ArchiveSummary = { file: target, sha256, count, firstId, lastId, lastHash: last.hash };

  // 2. the record of it, then the removal, in one transaction
  await inAuditArchiveTransaction(db, async (trx) => {
    await appendAudit(trx, source, {
      action: 'audit.archive',
      entityType: 'audit_log',
      entityId: `${firstId}-${lastId}`,
      detail: `${count} entries before ${options.before} → ${basename(target)}`,
      after: {
        before: options.before,
        file: basename(target),
        sha256,
        count,
        firstId,
        lastId,
        lastHash: last.hash,
      },
    });
    const deleted = await trx.deleteFrom('audit_log').where('id', '<=', lastId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== count) {
      throw new Error(
        `archive: ${deleted.numDeletedRows} entries to remove, ${count} written; nothing removed`,
      );
    }
  });
  return summary;
}

export interface ArchiveFileCheck {
  ok: boolean;
  count: number;
  sha256: string;
  firstId: number | null;
  lastId: number | null;
  lastHash: string | null;
  /** the first line (1-based) that does not verify */
  badLine: number | null;
  reason: string | null;
}

/** Re-check an archive file on its own: every entry's hash, and every link but the first. */
export async function verifyArchiveFile(file: string): Promise<ArchiveFileCheck> {
  const hash = createHash('sha256');
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let count = 0;
  let prev: AuditEntry | null = null;
  let firstId: number | null = null;
  const result = (badLine: number | null, reason: string | null): ArchiveFileCheck => ({
    ok: badLine === null,
    count,
    sha256: hash.digest('hex'),
    firstId,
    lastId: prev?.id ?? null,
    lastHash: prev?.hash ?? null,
    badLine,
    reason,
  });
  for await (const line of lines) {
    hash.update(`${line}\n`);
    if (!line) continue;
    count++;
    let e: AuditEntry;
    try {
      e = JSON.parse(line) as AuditEntry;
    } catch {
      return result(count, 'not JSON');
    }
    firstId ??= e.id;
    if (prev && e.prev_hash !== prev.hash)
      return result(count, 'prev_hash does not link to the entry before');
    const problem = entryProblem(e.prev_hash, e, prev ? isKeyedHash(prev.hash) : false);
    if (problem) return result(count, problem);
    prev = e;
  }
  return result(null, null);
}
