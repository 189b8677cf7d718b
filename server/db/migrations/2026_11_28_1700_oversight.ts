import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 7: oversight and the daily work — the user's last visit of "my work", notification preferences and
// e-mail deliveries, the search index, and the yearly obligations.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  // "What changed since my last visit" is measured from here; null: never visited.
  await db.schema.alterTable('users').addColumn('last_seen_work_at', 'text').execute();

  // E-mail on/off per user and notification kind; no row = the default (on, when the user has an address).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  // One row per notification and channel: claimed by one instance at a time (claimed_by, claimed_until),
  // retried with backoff, at most once sent.
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'integer', id)
    .addColumn('notification_id', 'integer', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('notification_deliveries_status', sql`status in ('pending', 'sent', 'failed')`)
    .execute();
  await db.schema
    .createIndex('notification_deliveries_notification_channel')
    .on('notification_deliveries')
    .columns(['notification_id', 'channel'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();

  // One row per searchable thing; the scope columns make "what may this user see" a WHERE clause:
  // region_id (overseers: their region and under), org_ids (',3,17,': the units whose users see it),
  // directory = 1 (directory data: everyone in the region and above sees it).
  await db.schema
    .createTable('search_index')
    .addColumn('id', 'integer', id)
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('region_id', 'integer', (c) => c.notNull())
    .addColumn('org_ids', 'text', (c) => c.notNull())
    .addColumn('directory', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_index_entity')
    .on('search_index')
    .columns(['entity_type', 'entity_id'])
    .unique()
    .execute();
  await db.schema.createIndex('search_index_region').on('search_index').column('region_id').execute();
  if (pg) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index search_index_text_trgm on search_index
      using gin ((title || ' ' || body) gin_trgm_ops)`.execute(db);
  } else {
    // An external-content FTS5 table over search_index, kept in step by triggers; trigram: any substring ≥ 3.
    await sql`create virtual table search_fts using fts5(
      title, body, content='search_index', content_rowid='id', tokenize='trigram')`.execute(db);
    await sql`create trigger search_index_ai after insert on search_index begin
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
    await sql`create trigger search_index_ad after delete on search_index begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      end`.execute(db);
    await sql`create trigger search_index_au after update on search_index begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
  }

  // The year's obligations of every pair / unit (symposium, plan, report, filing): created once per key by
  // the sweep on any instance (the unique key makes a second creation a no-op).
  await db.schema
    .createTable('obligations')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('counterpart_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('source_id', 'integer')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('met_by_ref', 'text')
    .addColumn('met_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('obligations_status', sql`status in ('open', 'met')`)
    .execute();
  await db.schema
    .createIndex('obligations_region_year')
    .on('obligations')
    .columns(['region_id', 'year', 'kind'])
    .execute();
  await db.schema
    .createIndex('obligations_organisation')
    .on('obligations')
    .columns(['organisation_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.dropTable('obligations').execute();
  if (!pg) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_index').execute();
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.alterTable('users').dropColumn('last_seen_work_at').execute();
}
