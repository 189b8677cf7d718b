import type { Config } from '../config.js';
import { configureDataKey } from '../db/field-crypto.js';
import { configureCryptoMode } from './provider.js';

/** Everything crypto of a process, from its configuration (the app and the CLI call this once at start). */
export function configureCrypto(
  config: Pick<
    Config,
    | 'LIAISON_CRYPTO'
    | 'LIAISON_AUDIT_KEY'
    | 'LIAISON_PASSWORD_HASH'
    | 'LIAISON_DATA_KEY'
    | 'LIAISON_DATA_KEY_PREVIOUS'
  >,
): void {
  configureCryptoMode(config.LIAISON_CRYPTO, config.LIAISON_AUDIT_KEY ?? null, config.LIAISON_PASSWORD_HASH);
  configureDataKey(config.LIAISON_DATA_KEY ?? null, config.LIAISON_DATA_KEY_PREVIOUS ?? null);
}
