// The `liaison` commands of issue 8: backups with retention, audit archiving, encryption of stored data.
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { connect, type DatabaseHandle, dialectOf } from '../db/connect.js';
import { dataKeyConfigured, decryptField, encryptField, needsReencryption } from '../db/field-crypto.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { archiveAudit, verifyArchiveFile } from '../modules/audit/audit.archive.js';
import { verifyAuditChain } from '../modules/audit/audit.verify.js';
import { backup, backupToDirectory, restore } from './backup.js';

export const SECURITY_USAGE = `  liaison backup FILE                   consistent online backup
  liaison backup --dir DIR [--keep N]   a timestamped backup into DIR, keeping the newest N (default LIAISON_BACKUP_KEEP)
  liaison restore FILE                  restore a backup (stop the app first on SQLite)
  liaison audit verify                  check the audit trail's hash chain; exit 1 at the first altered entry
  liaison audit archive --before DATE [--out FILE]
                                        move entries older than DATE (at least 180 days ago) to a JSONL file
  liaison audit verify-archive FILE     re-check an archive file's hash chain and find it on the trail
  liaison data encrypt                  encrypt stored phone numbers and TOTP secrets with LIAISON_DATA_KEY
                                        (also re-encrypts values of LIAISON_DATA_KEY_PREVIOUS after a rotation)`;

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
    return 0;
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
      const result = await verifyAuditChain(handle.db);
      if (result.ok) {
        console.log(`audit trail intact: ${result.checked} entries`);
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

/** The columns held encrypted at rest, by table and key column. */
const ENCRYPTED = [
  { table: 'responsible_persons', key: 'id', columns: ['office_phone', 'mobile'] },
  { table: 'filings', key: 'id', columns: ['leader_phone', 'liaison_phone'] },
  { table: 'user_totp', key: 'user_id', columns: ['secret'] },
] as const;

/** Encrypt every plain (or previous-key) value of the encrypted columns with the current key. */
export async function encryptStoredData(database: Kysely<Database>): Promise<Record<string, number>> {
  if (!dataKeyConfigured()) throw new Error('LIAISON_DATA_KEY is not set');
  const counts: Record<string, number> = {};
  // the tables are named from the list above, so the query builder is used untyped here
  const db = database as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const { table, key, columns } of ENCRYPTED) {
    counts[table] = 0;
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom(table)
        .select([key, ...columns])
        .execute();
      for (const row of rows) {
        const changes: Record<string, string> = {};
        for (const c of columns) {
          const v = row[c];
          if (typeof v === 'string' && needsReencryption(v)) changes[c] = encryptField(decryptField(v));
        }
        if (!Object.keys(changes).length) continue;
        await trx.updateTable(table).set(changes).where(key, '=', row[key]).execute();
        counts[table] = (counts[table] ?? 0) + 1;
      }
    });
  }
  return counts;
}

export async function dataCommand(sub: string | undefined, config: Config): Promise<number> {
  if (sub !== 'encrypt') throw new Error('usage: liaison data encrypt');
  const counts = await withHandle(config.DATABASE_URL, async (handle) => {
    await migrateToLatest(handle.db);
    return encryptStoredData(handle.db);
  });
  console.log(`encrypted with the current data key: ${JSON.stringify(counts)} rows`);
  return 0;
}
