import { buildApp } from './app.js';
import { openAndPrepare } from './boot.js';
import { scheduleBackups } from './cli/backup.js';
import { loadConfig } from './config.js';
import { warmLedgerExports } from './modules/ledger/index.js';
import { startSweepTimer } from './modules/sweep/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openAndPrepare(config, undefined, { setupInBrowser: true });
  // responses serialised without a second zod parse: the tests check every body against its schema
  const app = await buildApp({ config, database, logger: true, responses: 'trust' });

  // SIGTERM/SIGINT: stop accepting, let requests in flight finish, then close the database.
  let closing = false;
  let sweep: { stop(): Promise<void> } | null = null;
  let stopBackups: (() => Promise<void>) | null = null;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await sweep?.stop();
    await stopBackups?.();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  // the first large export should not pay for drawing its document skeleton on a request's time
  setImmediate(
    () => void warmLedgerExports().catch((err: unknown) => app.log.warn({ err }, 'warm-up failed')),
  );
  // reminders and e-mail: every instance runs the sweep; unique keys make concurrent runs safe
  sweep = startSweepTimer(database.db, config, app.log);
  // scheduled backups with retention (LIAISON_BACKUP_DIR / _EVERY_HOURS / _KEEP); off unless configured
  if (config.LIAISON_BACKUP_DIR && config.LIAISON_BACKUP_EVERY_HOURS > 0) {
    stopBackups = scheduleBackups(
      database,
      config.DATABASE_URL,
      {
        dir: config.LIAISON_BACKUP_DIR,
        everyHours: config.LIAISON_BACKUP_EVERY_HOURS,
        keep: config.LIAISON_BACKUP_KEEP,
      },
      app.log,
    );
  }
  console.log(
    `对口联系 is serving http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${database.dialect})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
