import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';

export async function readSetting<T>(db: Executor, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : null;
}

export async function writeSetting(
  db: Executor,
  key: string,
  value: unknown,
  userId: number | null,
): Promise<void> {
  const values = { value_json: JSON.stringify(value), updated_at: nowIso(), updated_by: userId };
  await db
    .insertInto('settings')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}
