import type { Config } from './config.js';
import { connect, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { newSetupToken, setupLink, setupNeeded } from './modules/setup/index.js';
import { ensureFirstAdmin, loadSeedPairingList } from './seed/bootstrap.js';

/**
 * Everything `npm start` does before listening: open the database, migrate, and on an empty database either
 * print the first-run setup link (the server, no LIAISON_ADMIN_PASSWORD) or load the seed list and create the
 * first administrator (scripted installs and the CLI). Shared by the server and the CLI.
 */
export async function openAndPrepare(
  config: Config,
  log: (line: string) => void = (l) => console.log(l),
  options: { setupInBrowser?: boolean } = {},
): Promise<DatabaseHandle> {
  const handle = connect(config.DATABASE_URL);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log(`migrated: ${applied.join(', ')}`);
    // The server on an empty database without LIAISON_ADMIN_PASSWORD: first-run setup in the browser.
    if (options.setupInBrowser && !config.LIAISON_ADMIN_PASSWORD && (await setupNeeded(handle.db))) {
      const token = await newSetupToken(handle.db);
      log('');
      log('  首次启动：请在浏览器中打开以下一次性链接完成初始设置（地区、结对名单、统战部和三员账号）:');
      log('  First start: open this one-time link to set the system up:');
      log(`    ${setupLink(config.LIAISON_PUBLIC_URL, token)}`);
      log('');
      return handle;
    }
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
