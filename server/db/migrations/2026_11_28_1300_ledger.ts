import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// The liaison ledger (工作台账), annual plans, attachments and calendar feed tokens.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('symposium_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plans_department_year')
    .on('plans')
    .columns(['department_id', 'year'])
    .unique()
    .execute();
  await db.schema.createIndex('plans_region_year').on('plans').columns(['region_id', 'year']).execute();

  await db.schema
    .createTable('plan_items')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('target_month', 'integer', (c) => c.notNull())
    .addColumn('counterpart_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('plan_items_month', sql`target_month between 1 and 12`)
    .execute();
  await db.schema.createIndex('plan_items_plan').on('plan_items').column('plan_id').execute();

  await db.schema
    .createTable('ledger_records')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('organisations.id'))
    /** the organisation that created / hosts the record (the department or one of its counterparts) */
    .addColumn('host_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text', (c) => c.notNull())
    .addColumn('direction', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('place', 'text')
    .addColumn('summary', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('plan_item_id', 'integer', (c) => c.references('plan_items.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_records_department_year')
    .on('ledger_records')
    .columns(['department_id', 'year'])
    .execute();
  await db.schema
    .createIndex('ledger_records_region_year')
    .on('ledger_records')
    .columns(['region_id', 'year', 'kind'])
    .execute();
  await db.schema
    .createIndex('ledger_records_kind')
    .on('ledger_records')
    .columns(['kind', 'starts_at'])
    .execute();
  await db.schema.createIndex('ledger_records_starts_at').on('ledger_records').column('starts_at').execute();
  await db.schema
    .createIndex('ledger_records_plan_item')
    .on('ledger_records')
    .column('plan_item_id')
    .execute();

  await db.schema
    .createTable('ledger_record_counterparts')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('ledger_records.id').onDelete('cascade'))
    .addColumn('counterpart_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('ledger_record_counterparts_pk', ['record_id', 'counterpart_id'])
    .execute();
  await db.schema
    .createIndex('ledger_record_counterparts_counterpart')
    .on('ledger_record_counterparts')
    .columns(['counterpart_id', 'record_id'])
    .execute();

  // One row per invitee (invitations) or recipient (notices): reply, attendance, receipt and reading.
  await db.schema
    .createTable('ledger_responses')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('ledger_records.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('reply_attendees', 'text')
    .addColumn('reply_note', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('attended', 'integer')
    .addColumn('attendees', 'text')
    .addColumn('received_at', 'text')
    .addColumn('received_by', 'text')
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .addPrimaryKeyConstraint('ledger_responses_pk', ['record_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('ledger_responses_organisation')
    .on('ledger_responses')
    .column('organisation_id')
    .execute();

  // Content-addressed file store: one row per distinct content, whoever uploaded it and under what name.
  await db.schema
    .createTable('attachments')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_attachments')
    .addColumn('id', 'integer', id)
    .addColumn('record_id', 'integer', (c) => c.notNull().references('ledger_records.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachments.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_attachments_record')
    .on('ledger_attachments')
    .column('record_id')
    .execute();
  await db.schema
    .createIndex('ledger_attachments_sha256')
    .on('ledger_attachments')
    .column('sha256')
    .execute();

  // The secret of a user's iCal feed URL, stored as a sha256 (like sessions).
  await db.schema
    .createTable('calendar_feed_tokens')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'calendar_feed_tokens',
    'ledger_attachments',
    'attachments',
    'ledger_responses',
    'ledger_record_counterparts',
    'ledger_records',
    'plan_items',
    'plans',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
