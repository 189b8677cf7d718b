import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// PostgreSQL's row triggers do not fire on TRUNCATE, which would empty the append-only audit trail in
// one statement; a statement-level trigger refuses it (the function raises for anything but the
// archive's DELETE). SQLite has no TRUNCATE: its `DELETE FROM` without WHERE fires the row trigger.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
}
