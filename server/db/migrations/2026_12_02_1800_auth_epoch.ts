import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// The sign-in epoch: one counter the database itself raises (triggers) whenever anything a signed-in request
// is resolved from changes — a session ends (sign-out, password change or reset, "end all sessions", expiry)
// or its lifetime is cut short (its start, expiry or last activity set earlier; `last_seen_at` moving forward,
// once a minute per active session, is not a change the cache needs to hear of),
// an account's role, organisation, name, username, disabled or must-change-password flag, its second factor,
// an organisation's name, kind or region, a region's path. Each app instance caches sessions and actors
// (server/plugins/auth.ts) and reads this counter on every request: any change, by any instance or the CLI,
// drops every instance's cache before its next request.

const WATCHED: { table: string; events: string }[] = [
  { table: 'sessions', events: 'delete or update of created_at, expires_at' },
  {
    table: 'users',
    events:
      'delete or update of username, display_name, role, organisation_id, disabled, must_change_password',
  },
  { table: 'user_totp', events: 'insert or update or delete' },
  { table: 'organisations', events: 'delete or update of name, kind, region_id' },
  { table: 'regions', events: 'delete or update of path' },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('auth_epoch').values({ id: 1, epoch: 0 }).execute();
  const bump = 'update auth_epoch set epoch = epoch + 1 where id = 1';
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(`create function auth_epoch_bump() returns trigger language plpgsql as $$
        begin ${bump}; return null; end $$`)
      .execute(db);
    // per statement: a statement that ends a thousand sessions raises the counter once
    for (const w of WATCHED)
      await sql
        .raw(`create trigger ${w.table}_auth_epoch after ${w.events} on ${w.table}
          for each statement execute function auth_epoch_bump()`)
        .execute(db);
    await sql
      .raw(`create trigger sessions_auth_epoch_seen after update of last_seen_at on sessions
        for each row when (new.last_seen_at < old.last_seen_at) execute function auth_epoch_bump()`)
      .execute(db);
    return;
  }
  await sql
    .raw(`create trigger sessions_auth_epoch_seen after update of last_seen_at on sessions
      when new.last_seen_at < old.last_seen_at begin ${bump}; end`)
    .execute(db);
  // SQLite: one trigger per event (its triggers take one event each), per row
  for (const w of WATCHED)
    for (const [i, event] of w.events.split(' or ').entries())
      await sql
        .raw(`create trigger ${w.table}_auth_epoch_${i} after ${event} on ${w.table} begin ${bump}; end`)
        .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql.raw(`drop trigger if exists sessions_auth_epoch_seen${pg ? ' on sessions' : ''}`).execute(db);
  for (const w of WATCHED) {
    if (pg) await sql.raw(`drop trigger if exists ${w.table}_auth_epoch on ${w.table}`).execute(db);
    else
      for (const i of w.events.split(' or ').keys())
        await sql.raw(`drop trigger if exists ${w.table}_auth_epoch_${i}`).execute(db);
  }
  if (pg) await sql`drop function if exists auth_epoch_bump()`.execute(db);
  await db.schema.dropTable('auth_epoch').execute();
}
