import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 8 (等保 2.0 level 3 / ASVS L2): password history, TOTP second factor, and the one path by which
// old audit entries may leave the trail — `liaison audit archive`, after they were written to a file.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  // Every password hash a user has had, newest last: a new password may not be one of the last N.
  await db.schema
    .createTable('password_history')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_history_user')
    .on('password_history')
    .columns(['user_id', 'id'])
    .execute();

  // The TOTP second factor (RFC 6238). `secret` is encrypted with LIAISON_DATA_KEY when one is configured;
  // `enabled_at` is null while enrolment is pending (setup done, no code confirmed yet); `last_step` is the
  // last time step accepted, so a code cannot be replayed.
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The audit trail stays append-only, except for archiving: DELETE passes only inside the archive
  // transaction, which raises a flag no ordinary statement does. UPDATE is refused as before.
  if (pg) {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and coalesce(current_setting('liaison.audit_archive_allowed', true), '') = 'on' then
          return old;
        end if;
        raise exception 'audit_log is append-only';
      end; $$`.execute(db);
  } else {
    // liaison_audit_archive_allowed() is a function the application registers on its own connection
    // (server/db/connect.ts); any other connection has no such function, so its DELETE fails either way.
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      when liaison_audit_archive_allowed() = 0
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end; $$`.execute(db);
  } else {
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
  await db.schema.dropTable('user_totp').execute();
  await db.schema.dropTable('password_history').execute();
}
