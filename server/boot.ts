import type { Config } from './config.js';
import { connect, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureFirstAdmin, loadSeedPairingList } from './seed/bootstrap.js';

/**
 * Everything `npm start` does before listening: open the database, migrate, load the seed list on an
 * empty database, create the first administrator. Shared by the server and the CLI.
 */
export async function openAndPrepare(
  config: Config,
  log: (line: string) => void = (l) => console.log(l),
): Promise<DatabaseHandle> {
  const handle = connect(config.DATABASE_URL);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log(`migrated: ${applied.join(', ')}`);
    if (await loadSeedPairingList(handle.db))
      log('loaded the 2019 pairing list of 奉政发〔2019〕47号 (附件1)');
    const admin = await ensureFirstAdmin(handle.db, config.LIAISON_ADMIN_PASSWORD);
    if (admin.generatedPassword) {
      log('');
      log('  系统管理员 sysadmin was created with this one-time password (change it at first sign-in):');
      log(`    ${admin.generatedPassword}`);
      log('');
    } else if (admin.created) {
      log('系统管理员 sysadmin was created with LIAISON_ADMIN_PASSWORD');
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
