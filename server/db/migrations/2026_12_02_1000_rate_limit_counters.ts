import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// Rate-limit counters in the database, so that several app instances behind one load balancer count together
// (in memory each instance counted on its own, multiplying every limit by the number of instances).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    // epoch milliseconds: compared as numbers on both engines
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_window')
    .on('rate_limit_counters')
    .column('window_ends_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_counters').execute();
}
