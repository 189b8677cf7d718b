import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';

// An attacker with the database owner's rights: the append-only triggers of the audit trail lifted and restored.

/** Lift the append-only triggers (as only someone with the database owner's rights could), to tamper. */
export async function liftTriggers(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
  }
}

export async function restoreTriggers(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}
