// The `liaison` commands of issue 8: backups with retention, audit archiving, encryption of stored data.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { connect, type DatabaseHandle, dialectOf } from '../db/connect.js';
import {
  anchorFileOf,
  archiveAudit,
  checkAnchor,
  makeAnchor,
  readAnchorFile,
  verifyAndAnchor,
  verifyArchiveFile,
  writeAnchor,
} from '../modules/audit/index.js';
import { anchorFileOfBackup, backup, backupToDirectory, restore } from './backup.js';
import { CRYPTO_USAGE } from './crypto-commands.js';

export const SECURITY_USAGE = `  liaison backup FILE                   consistent online backup
  liaison backup --dir DIR [--keep N]   a timestamped backup into DIR, keeping the newest N (default LIAISON_BACKUP_KEEP)
  liaison restore FILE                  restore a backup (stop the app first on SQLite)
  liaison audit verify                  check the audit trail's hash chain and its last anchor (are the newest entries
                                        still there?); exit 1 at the first problem, else anchor the chain's head
  liaison audit archive --before DATE [--out FILE]
                                        move entries older than DATE (at least 180 days ago) to a JSONL file
  liaison audit verify-archive FILE     re-check an archive file's hash chain and find it on the trail
${CRYPTO_USAGE}`;

async function withHandle<T>(url: string, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = connect(url);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export async function backupCommand(command: 'backup' | 'restore', args: string[], config: Config) {
  const url = config.DATABASE_URL;
  if (command === 'restore') {
    const [file] = args;
    if (!file) throw new Error('usage: liaison restore FILE');
    const dialect = dialectOf(url);
    await restore(dialect, dialect === 'sqlite' ? url.slice('sqlite:'.length) : null, url, file);
    console.log(`restored ${file}`);
    return restoreAnchor(url, file, anchorFileOf(config));
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string' }, keep: { type: 'string' } },
  });
  if (values.dir) {
    const keep = values.keep ? Number(values.keep) : config.LIAISON_BACKUP_KEEP;
    if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number ≥ 1');
    const result = await withHandle(url, (h) => backupToDirectory(h, url, values.dir as string, keep));
    console.log(`backup written to ${result.file}`);
    for (const file of result.removed) console.log(`removed old backup ${file}`);
    return 0;
  }
  const [file] = positionals;
  if (!file) throw new Error('usage: liaison backup FILE | liaison backup --dir DIR [--keep N]');
  await withHandle(url, (h) => backup(h, url, file));
  console.log(`backup written to ${file}`);
  return 0;
}

export async function auditCommand(sub: string | undefined, args: string[], config: Config): Promise<number> {
  if (sub === 'verify') {
    return withHandle(config.DATABASE_URL, async (handle) => {
      const file = anchorFileOf(config);
      const result = await verifyAndAnchor(handle.db, file);
      if (result.ok) {
        console.log(`audit trail intact: ${result.checked} entries`);
        if (result.previous)
          console.log(`last anchor (${result.previous.at}, entry ${result.previous.id}) holds`);
        if (result.anchored) {
          console.log(
            `chain head anchored: entry ${result.anchored.id} ${result.anchored.hash}${file ? ` in ${file}` : ' (not stored: set LIAISON_BACKUP_DIR or LIAISON_AUDIT_ANCHOR_FILE)'}`,
          );
        }
        return 0;
      }
      console.error(
        `audit trail ALTERED at entry ${result.firstBadId}: ${result.reason} (${result.checked} entries before it are intact)`,
      );
      return 1;
    });
  }
  if (sub === 'archive') {
    const { values } = parseArgs({ args, options: { before: { type: 'string' }, out: { type: 'string' } } });
    if (!values.before) throw new Error('usage: liaison audit archive --before YYYY-MM-DD [--out FILE]');
    const out = values.out ?? `audit-archive-before-${values.before}.jsonl`;
    return withHandle(config.DATABASE_URL, async (handle) => {
      const summary = await archiveAudit(
        handle.db,
        { actor: null, ip: null },
        { before: values.before as string, out },
      );
      if (!summary.count) {
        console.log(`nothing to archive before ${values.before}`);
        return 0;
      }
      console.log(
        `archived ${summary.count} audit entries (${summary.firstId}–${summary.lastId}) to ${summary.file}\nsha256 ${summary.sha256}`,
      );
      return 0;
    });
  }
  if (sub === 'verify-archive') {
    const [file] = args;
    if (!file) throw new Error('usage: liaison audit verify-archive FILE');
    const check = await verifyArchiveFile(file);
    if (!check.ok) {
      console.error(`archive ${file} ALTERED at line ${check.badLine}: ${check.reason}`);
      return 1;
    }
    const recorded = await withHandle(config.DATABASE_URL, (handle) =>
      handle.db
        .selectFrom('audit_log')
        .select(['id', 'at'])
        .where('action', '=', 'audit.archive')
        .where('after_json', 'like', `%"sha256":"${check.sha256}"%`)
        .executeTakeFirst(),
    );
    console.log(
      `archive intact: ${check.count} entries (${check.firstId}–${check.lastId}), sha256 ${check.sha256}; ${
        recorded ? `recorded on the trail as entry ${recorded.id} (${recorded.at})` : 'NOT found on the trail'
      }`,
    );
    return recorded ? 0 : 1;
  }
  throw new Error('usage: liaison audit verify | archive --before DATE [--out FILE] | verify-archive FILE');
}

/**
 * After a restore: the restored trail must hold the head anchored beside the backup; that head becomes the current
 * anchor (a restore legitimately goes back in time, so the newer anchors no longer apply).
 */
async function restoreAnchor(url: string, backupFile: string, anchorFile: string | null): Promise<number> {
  const anchor = readAnchorFile(anchorFileOfBackup(backupFile));
  if (!anchor) {
    console.log(
      'no audit anchor beside the backup: run `liaison audit verify` to check and anchor the trail',
    );
    return 0;
  }
  return withHandle(url, async (handle) => {
    const check = await checkAnchor(handle.db, anchor);
    if (!check.ok) {
      console.error(`restored audit trail does not match the backup's anchor: ${check.reason}`);
      return 1;
    }
    const restored = makeAnchor(anchor, `restore ${basename(backupFile)}`);
    if (anchorFile) writeAnchor(anchorFile, restored);
    console.log(`audit trail matches the backup's anchor (entry ${anchor.id}); anchored as the current head`);
    return 0;
  });
}
