import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect.js';

/**
 * A consistent online backup. SQLite: VACUUM INTO writes a transactionally consistent copy while the
 * app keeps writing. PostgreSQL: pg_dump (custom format) of the database in DATABASE_URL.
 */
export async function backup(handle: DatabaseHandle, databaseUrl: string, file: string): Promise<void> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  if (handle.dialect === 'sqlite') {
    await sql`vacuum into ${target}`.execute(handle.db);
    return;
  }
  const run = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, databaseUrl], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`pg_dump failed (exit ${run.status})`);
}

/**
 * Restore a backup over the database. SQLite: the app must be stopped; the current file is kept as
 * <file>.before-restore. PostgreSQL: pg_restore --clean into the database in DATABASE_URL.
 */
export function restore(
  dialect: 'sqlite' | 'postgres',
  sqlitePath: string | null,
  databaseUrl: string,
  file: string,
): void {
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
  const run = spawnSync(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', `--dbname=${databaseUrl}`, source],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) throw new Error(`pg_restore failed (exit ${run.status})`);
}
