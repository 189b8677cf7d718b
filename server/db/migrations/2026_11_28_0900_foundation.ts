import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('regions')
    .addColumn('id', 'integer', id)
    .addColumn('parent_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regions_path').on('regions').column('path').execute();
  await db.schema
    .createIndex('regions_parent_name')
    .on('regions')
    .columns(['parent_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisations_region_name')
    .on('organisations')
    .columns(['region_id', 'name'])
    .unique()
    .execute();
  await db.schema
    .createIndex('organisations_region_kind')
    .on('organisations')
    .columns(['region_id', 'kind'])
    .execute();

  await db.schema
    .createTable('organisation_aliases')
    .addColumn('id', 'integer', id)
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisation_aliases_org_alias')
    .on('organisation_aliases')
    .columns(['organisation_id', 'alias'])
    .unique()
    .execute();
  await db.schema
    .createIndex('organisation_aliases_alias')
    .on('organisation_aliases')
    .column('alias')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email', 'text')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('pairings')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('counterpart_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('valid_from', 'integer', (c) => c.notNull())
    .addColumn('valid_to', 'integer')
    .addColumn('source', 'text')
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('end_source', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pairings_years', sql`valid_to is null or valid_to >= valid_from`)
    .addCheckConstraint('pairings_distinct_sides', sql`counterpart_id <> department_id`)
    .execute();
  await db.schema
    .createIndex('pairings_region_years')
    .on('pairings')
    .columns(['region_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('pairings_counterpart')
    .on('pairings')
    .columns(['counterpart_id', 'department_id'])
    .execute();
  await db.schema.createIndex('pairings_department').on('pairings').column('department_id').execute();

  await db.schema
    .createTable('pairing_events')
    .addColumn('id', 'integer', id)
    .addColumn('pairing_id', 'integer', (c) => c.notNull().references('pairings.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pairing_events_pairing').on('pairing_events').column('pairing_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_username', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('region_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();

  // The audit trail is append-only: the database itself refuses UPDATE and DELETE.
  if (pg) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end; $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'audit_log',
    'pairing_events',
    'pairings',
    'sessions',
    'users',
    'organisation_aliases',
    'organisations',
    'regions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) await sql`drop function if exists audit_log_append_only()`.execute(db);
}
