import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 18 / 13 (三员): accounts are activated by their holder with a one-time, expiring code (stored as a
// sha256 only); an account awaiting its holder has `activation_pending = 1` and a password nobody knows.
// Who held a unit's account when (`account_holders`), and the hand-overs a 联络员 change proposes.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .alterTable('users')
    .addColumn('activation_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('activation_codes')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    // 'activation' | 'reset' | 'handover'
    .addColumn('purpose', 'text', (c) => c.notNull())
    // 'email' | 'shown' | 'cli' | 'setup'
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('activation_codes_user').on('activation_codes').column('user_id').execute();

  await db.schema
    .createTable('account_handovers')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('previous_person_id', 'integer')
    .addColumn('next_person_id', 'integer', (c) => c.notNull())
    .addColumn('next_name', 'text', (c) => c.notNull())
    // 'change_report' | 'filing' | 'roster'
    .addColumn('source', 'text', (c) => c.notNull())
    // 'proposed' | 'accepted' | 'declined' | 'superseded'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('account_handovers_status')
    .on('account_handovers')
    .columns(['status', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('account_holders')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer')
    .addColumn('handover_id', 'integer')
    .addColumn('held_from', 'text', (c) => c.notNull())
    .addColumn('held_to', 'text')
    .execute();
  await db.schema
    .createIndex('account_holders_user')
    .on('account_holders')
    .columns(['user_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_holders').execute();
  await db.schema.dropTable('account_handovers').execute();
  await db.schema.dropTable('activation_codes').execute();
  await db.schema.alterTable('users').dropColumn('activation_pending').execute();
}
