import type { Kysely } from 'kysely';
import { dataKeyConfigured, decryptField, encryptField, needsReencryption } from '../db/field-crypto.js';
import type { Database } from '../db/schema.js';

/** The columns held encrypted at rest, by table and key column. */
export const ENCRYPTED_COLUMNS = [
  { table: 'responsible_persons', key: 'id', columns: ['office_phone', 'mobile'] },
  { table: 'filings', key: 'id', columns: ['leader_phone', 'liaison_phone'] },
  { table: 'user_totp', key: 'user_id', columns: ['secret'] },
] as const;

export interface ReencryptProgress {
  table: string;
  /** rows rewritten so far in this table */
  rewritten: number;
  /** the last key handled (a run stopped here resumes by simply running again) */
  lastKey: number | null;
}

/**
 * Rewrite every encrypted column value that is plain, under a previous key or under the other mode's scheme, with
 * the current key and scheme — in batches of `batchSize` rows, one transaction each, so a large database is
 * converted without one long lock and an interrupted run resumes where it stopped (values already rewritten are
 * skipped). Returns the rows rewritten per table.
 */
export async function reencryptStoredData(
  database: Kysely<Database>,
  options: { batchSize?: number; onBatch?: (p: ReencryptProgress) => void } = {},
): Promise<Record<string, number>> {
  if (!dataKeyConfigured()) throw new Error('LIAISON_DATA_KEY is not set');
  const batchSize = options.batchSize ?? 500;
  const counts: Record<string, number> = {};
  // the tables are named from the list above, so the query builder is used untyped here
  const db = database as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const { table, key, columns } of ENCRYPTED_COLUMNS) {
    counts[table] = 0;
    let lastKey: number | null = null;
    for (;;) {
      let query = db
        .selectFrom(table)
        .select([key, ...columns])
        .orderBy(key)
        .limit(batchSize);
      if (lastKey !== null) query = query.where(key, '>', lastKey);
      const rows = await query.execute();
      if (!rows.length) break;
      lastKey = Number(rows.at(-1)?.[key]);
      await db.transaction().execute(async (trx) => {
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
      options.onBatch?.({ table, rewritten: counts[table] ?? 0, lastKey });
    }
  }
  return counts;
}
