// `liaison data encrypt` and `liaison crypto switch-to-gm` (docs/CRYPTO.md): both rewrite encrypted columns in
// resumable batches and leave an audit entry for the start and the end of each run.
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { cryptoMode } from '../crypto/provider.js';
import { ENCRYPTED_COLUMNS, reencryptStoredData } from '../crypto/reencrypt.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { anchorFileOf, appendAuditAlone, verifyAndAnchor } from '../modules/audit/index.js';

export const CRYPTO_USAGE = `  liaison data encrypt [--batch N]      encrypt stored phone numbers and TOTP secrets with LIAISON_DATA_KEY
                                        (also re-encrypts values of LIAISON_DATA_KEY_PREVIOUS after a rotation)
  liaison crypto switch-to-gm [--batch N]
                                        with LIAISON_CRYPTO=gm: re-encrypt every stored value with SM4, audited;
                                        resumable — run it again after an interruption
  liaison crypto status                 how many values, password hashes and sessions are under each scheme`;

const batchOf = (args: string[]): number => {
  const { values } = parseArgs({ args, options: { batch: { type: 'string' } } });
  const batch = values.batch ? Number(values.batch) : 500;
  if (!Number.isInteger(batch) || batch < 1) throw new Error('--batch must be a whole number ≥ 1');
  return batch;
};

const CLI = { actor: null, ip: null } as const;

/** Re-encrypt with an audit entry before and after (a run that dies leaves its start on the trail). */
export async function reencryptAudited(
  db: Kysely<Database>,
  action: 'data.encrypt' | 'crypto.switch',
  batchSize: number,
  log: (line: string) => void = () => {},
): Promise<Record<string, number>> {
  const target = cryptoMode() === 'gm' ? 'SM4-CTR/HMAC-SM3' : 'AES-256-GCM';
  await appendAuditAlone(db, CLI, {
    action,
    entityType: 'system',
    outcome: 'ok',
    detail: `started: re-encrypting stored values with ${target}`,
  });
  const counts = await reencryptStoredData(db, {
    batchSize,
    onBatch: (p) => log(`  ${p.table}: ${p.rewritten} rows rewritten (up to key ${p.lastKey})`),
  });
  await appendAuditAlone(db, CLI, {
    action,
    entityType: 'system',
    after: { scheme: target, rewritten: counts },
    detail: 'completed',
  });
  return counts;
}

/** What is still under the intl schemes (values, password hashes, sessions): a switch is done when it is 0/0/0. */
export async function cryptoStatus(db: Kysely<Database>): Promise<Record<string, Record<string, number>>> {
  const count = async (
    table: 'responsible_persons' | 'filings' | 'user_totp',
    column: string,
    like: string,
  ) => {
    const dbx = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const row = await dbx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, 'like', like)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const values = { 'enc:v1 (AES-256-GCM)': 0, 'enc:v2 (SM4)': 0 };
  for (const { table, columns } of ENCRYPTED_COLUMNS) {
    for (const c of columns) {
      values['enc:v1 (AES-256-GCM)'] += await count(table, c, 'enc:v1:%');
      values['enc:v2 (SM4)'] += await count(table, c, 'enc:v2:%');
    }
  }
  const users = await db.selectFrom('users').select('password_hash').execute();
  const passwords = { scrypt: 0, 'pbkdf2-sm3': 0 };
  for (const u of users) passwords[u.password_hash.startsWith('pbkdf2-sm3$') ? 'pbkdf2-sm3' : 'scrypt']++;
  const sessions = await db.selectFrom('sessions').select('id').execute();
  const tokens = { sha256: 0, sm3: 0 };
  for (const s of sessions) tokens[s.id.startsWith('sm3:') ? 'sm3' : 'sha256']++;
  return { values, passwords, sessions: tokens };
}

export async function cryptoCommand(
  command: 'data' | 'crypto',
  sub: string | undefined,
  args: string[],
  config: Config,
): Promise<number> {
  const handle = connect(config.DATABASE_URL);
  try {
    await migrateToLatest(handle.db);
    if (command === 'data' && sub === 'encrypt') {
      const counts = await reencryptAudited(handle.db, 'data.encrypt', batchOf(args), console.log);
      console.log(`encrypted with the current data key: ${JSON.stringify(counts)} rows`);
      return 0;
    }
    if (command === 'crypto' && sub === 'status') {
      console.log(JSON.stringify(await cryptoStatus(handle.db), null, 2));
      return 0;
    }
    if (command === 'crypto' && sub === 'switch-to-gm') {
      if (cryptoMode() !== 'gm') {
        throw new Error('set LIAISON_CRYPTO=gm (with LIAISON_DATA_KEY and LIAISON_AUDIT_KEY) first');
      }
      // the trail must be intact before it continues under HMAC-SM3
      const before = await verifyAndAnchor(handle.db, anchorFileOf(config), 'crypto switch-to-gm');
      if (!before.ok)
        throw new Error(`the audit trail is not intact (entry ${before.firstBadId}: ${before.reason})`);
      const counts = await reencryptAudited(handle.db, 'crypto.switch', batchOf(args), console.log);
      const status = await cryptoStatus(handle.db);
      console.log(`re-encrypted with SM4: ${JSON.stringify(counts)} rows`);
      console.log(
        `still to change at sign-in: ${status.passwords?.scrypt ?? 0} scrypt password hashes; sessions under SHA-256 digests end when they expire (${status.sessions?.sha256 ?? 0})`,
      );
      console.log('new audit entries are chained with HMAC-SM3 from now on');
      return 0;
    }
    throw new Error(
      'usage: liaison data encrypt [--batch N] | liaison crypto switch-to-gm [--batch N] | liaison crypto status',
    );
  } finally {
    await handle.close();
  }
}
