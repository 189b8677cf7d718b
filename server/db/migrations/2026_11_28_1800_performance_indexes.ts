import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.

/**
 * Indexes for the hot paths found by `npm run bench` (plans in bench/plans/):
 * - my-work and the dashboard ask "did this pair hold its symposium this year" per obligation (metRef): with
 *   only (department_id, year) and (kind, starts_at) SQLite chose the kind index and read every symposium
 *   of the province for each obligation (~200 ms per digest at province scale). (department_id, year, kind,
 *   starts_at) answers it from one index range; it covers (department_id, year), which is dropped.
 * - the dashboard's reply figures and trend select the year's suggestions by `received_on` and first replies
 *   by `replied_on`: without an index both were full scans of their tables on PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ledger_records_department_year_kind')
    .on('ledger_records')
    .columns(['department_id', 'year', 'kind', 'starts_at'])
    .execute();
  await db.schema.dropIndex('ledger_records_department_year').execute();
  await db.schema
    .createIndex('consultation_items_received_on')
    .on('consultation_items')
    .columns(['received_on', 'matter_id'])
    .execute();
  await db.schema
    .createIndex('consultation_replies_replied_on')
    .on('consultation_replies')
    .columns(['replied_on', 'round'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('consultation_replies_replied_on').execute();
  await db.schema.dropIndex('consultation_items_received_on').execute();
  await db.schema
    .createIndex('ledger_records_department_year')
    .on('ledger_records')
    .columns(['department_id', 'year'])
    .execute();
  await db.schema.dropIndex('ledger_records_department_year_kind').execute();
}
