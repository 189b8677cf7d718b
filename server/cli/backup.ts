import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect.js';
import { chainHead, makeAnchor, writeAnchor } from '../modules/audit/index.js';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => reject(new Error(`${command}: ${error.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} failed (exit ${code})`)),
    );
  });
}

/**
 * A consistent online backup. SQLite: VACUUM INTO writes a transactionally consistent copy while the
 * app keeps writing. PostgreSQL: pg_dump (custom format) of the database in DATABASE_URL — one snapshot
 * (REPEATABLE READ) however long it runs. Run as a child process, so a server taking a scheduled backup keeps
 * answering.
 *
 * Beside the backup, `<file>.anchor.json` holds the audit chain's head as of the backup's start (the trail is
 * append-only, so the backup holds that entry): `liaison restore` checks the restored trail against it and makes
 * it the current anchor.
 */
export async function backup(handle: DatabaseHandle, databaseUrl: string, file: string): Promise<void> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  const head = await chainHead(handle.db);
  if (handle.dialect === 'sqlite') {
    await sql`vacuum into ${target}`.execute(handle.db);
  } else {
    const partial = `${target}.partial`;
    try {
      await run('pg_dump', ['--format=custom', `--file=${partial}`, databaseUrl]);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  if (head) writeAnchor(anchorFileOfBackup(target), makeAnchor(head, `backup ${basename(target)}`));
}

/** The anchor written beside a backup. */
export const anchorFileOfBackup = (backupFile: string): string => `${resolve(backupFile)}.anchor.json`;

/**
 * Restore a backup over the database. SQLite: the app must be stopped; the current file is kept as
 * <file>.before-restore. PostgreSQL: pg_restore --clean into the database in DATABASE_URL.
 */
export async function restore(
  dialect: 'sqlite' | 'postgres',
  sqlitePath: string | null,
  databaseUrl: string,
  file: string,
): Promise<void> {
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`${source} does not exist`);
  if (dialect === 'sqlite') {
    if (!sqlitePath || sqlitePath === ':memory:') throw new Error('restore needs a file database');
    const target = resolve(sqlitePath);
    if (existsSync(target)) renameSync(target, `${target}.before-restore`);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    copyFileSync(source, target);
    return;
  }
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${databaseUrl}`, source]);
}

const BACKUP_NAME = /^liaison-\d{8}T\d{6}Z\.(db|dump)$/;

/** liaison-20261128T153000Z.db (SQLite) / .dump (PostgreSQL): sortable by name = by time. */
export function backupFileName(dialect: 'sqlite' | 'postgres', at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `liaison-${stamp}.${dialect === 'sqlite' ? 'db' : 'dump'}`;
}

/**
 * A backup into `dir` under a timestamped name, then retention: only the newest `keep` backups of this naming
 * stay (files of other names are never touched). Returns the file written and the files removed.
 */
export async function backupToDirectory(
  handle: DatabaseHandle,
  databaseUrl: string,
  dir: string,
  keep: number,
  at = new Date(),
): Promise<{ file: string; removed: string[] }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(resolve(dir), backupFileName(handle.dialect, at));
  await backup(handle, databaseUrl, file);
  return { file, removed: pruneBackups(dir, keep) };
}

/** Remove all but the newest `keep` backups in `dir` (by the timestamp in their names), with their anchors. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
  const removed = backups
    .slice(0, Math.max(0, backups.length - keep))
    .map((name) => join(resolve(dir), name));
  for (const file of removed) {
    rmSync(file, { force: true });
    rmSync(anchorFileOfBackup(file), { force: true });
  }
  return removed;
}

/**
 * Scheduled backups in the server process (LIAISON_BACKUP_DIR, LIAISON_BACKUP_EVERY_HOURS, LIAISON_BACKUP_KEEP):
 * the first one `everyHours` after start, then every `everyHours`. With several instances sharing one
 * PostgreSQL database, set it on one of them only (or use `liaison backup --dir` from cron instead).
 * Returns a function that stops the schedule (and waits for a backup in progress).
 */
export function scheduleBackups(
  handle: DatabaseHandle,
  databaseUrl: string,
  options: { dir: string; everyHours: number; keep: number },
  log: { info(o: object, msg: string): void; error(o: object, msg: string): void },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return; // the previous one is still going: skip rather than pile up
    running = backupToDirectory(handle, databaseUrl, options.dir, options.keep)
      .then(({ file, removed }) => log.info({ file, removed }, 'scheduled backup written'))
      .catch((error: unknown) => log.error({ err: error }, 'scheduled backup FAILED'))
      .finally(() => {
        running = null;
      });
  }, options.everyHours * 3600_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
