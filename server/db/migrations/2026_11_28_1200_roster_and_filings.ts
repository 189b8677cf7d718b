import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 3: responsible persons (责任人) with their history, the 附件2 filing rounds, change reports,
// and in-app notifications.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('filing_rounds')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('fax', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addCheckConstraint('filing_rounds_status', sql`status in ('open', 'closed')`)
    .execute();
  // One open round per region and year; closed rounds stay as history.
  await db.schema
    .createIndex('filing_rounds_one_open')
    .on('filing_rounds')
    .columns(['region_id', 'year'])
    .unique()
    .where(sql.ref('status'), '=', sql.lit('open'))
    .execute();
  await db.schema
    .createIndex('filing_rounds_region_year')
    .on('filing_rounds')
    .columns(['region_id', 'year'])
    .execute();

  await db.schema
    .createTable('filings')
    .addColumn('id', 'integer', id)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('filing_rounds.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('leader_name', 'text')
    .addColumn('leader_position', 'text')
    .addColumn('leader_phone', 'text')
    .addColumn('liaison_name', 'text')
    .addColumn('liaison_position', 'text')
    .addColumn('liaison_phone', 'text')
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_reason', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('filed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('filings_status', sql`status in ('draft', 'submitted', 'returned', 'filed')`)
    .execute();
  // One form per round per unit.
  await db.schema
    .createIndex('filings_round_organisation')
    .on('filings')
    .columns(['round_id', 'organisation_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('filings_organisation_filed')
    .on('filings')
    .columns(['organisation_id', 'filed_at'])
    .execute();

  await db.schema
    .createTable('filing_events')
    .addColumn('id', 'integer', id)
    .addColumn('filing_id', 'integer', (c) => c.notNull().references('filings.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('filing_events_filing').on('filing_events').column('filing_id').execute();

  // Each row is one version of one person in one role; a change closes the previous version (served_to,
  // the last day served, inclusive) and adds a new one. Nothing is overwritten, so any past day can be asked.
  await db.schema
    .createTable('responsible_persons')
    .addColumn('id', 'integer', id)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('office_phone', 'text')
    .addColumn('mobile', 'text')
    .addColumn('served_from', 'text', (c) => c.notNull())
    .addColumn('served_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('filing_id', 'integer', (c) => c.references('filings.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('responsible_persons_role', sql`role in ('principal', 'leader', 'liaison')`)
    .addCheckConstraint('responsible_persons_source', sql`source in ('roster', 'filing')`)
    .execute();
  await db.schema
    .createIndex('responsible_persons_org_role')
    .on('responsible_persons')
    .columns(['organisation_id', 'role', 'served_from'])
    .execute();
  // At most one current (open-ended) version per unit and role.
  await db.schema
    .createIndex('responsible_persons_one_current')
    .on('responsible_persons')
    .columns(['organisation_id', 'role'])
    .unique()
    .where(sql.ref('served_to'), 'is', null)
    .execute();

  await db.schema
    .createTable('change_reports')
    .addColumn('id', 'integer', id)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('previous_person_id', 'integer', (c) => c.references('responsible_persons.id'))
    .addColumn('next_person_id', 'integer', (c) => c.notNull().references('responsible_persons.id'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledge_note', 'text')
    .addCheckConstraint('change_reports_status', sql`status in ('reported', 'acknowledged')`)
    .execute();
  await db.schema
    .createIndex('change_reports_organisation')
    .on('change_reports')
    .columns(['organisation_id', 'reported_at'])
    .execute();
  await db.schema.createIndex('change_reports_status').on('change_reports').column('status').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // What makes a notification the same one: sending it again is a no-op (several instances, double clicks).
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('notifications_user_created')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'change_reports',
    'responsible_persons',
    'filing_events',
    'filings',
    'filing_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
