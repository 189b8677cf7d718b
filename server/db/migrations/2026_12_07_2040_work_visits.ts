import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 15: "changed since my last visit" of my-work is measured from the user's last visit in another
// sign-in session, so a reload in the same session still shows what changed. One row per session that opened
// my-work: its latest view (`seen_at`) and, when the user marked everything as seen in it, that moment
// (`cleared_at`). The row outlives its session (a signed-out session's last view is the next one's baseline),
// so `session_id` (the session's token digest) is no foreign key. The one user-wide instant it replaces is
// carried over as a row of a session that never signs in again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_visits')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .execute();
  await db.schema.createIndex('work_visits_user').on('work_visits').columns(['user_id', 'seen_at']).execute();
  await sql`insert into work_visits (session_id, user_id, seen_at)
    select 'user:' || cast(id as text), id, last_seen_work_at from users where last_seen_work_at is not null`.execute(
    db,
  );
  await db.schema.alterTable('users').dropColumn('last_seen_work_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_seen_work_at', 'text').execute();
  await sql`update users set last_seen_work_at =
    (select max(v.seen_at) from work_visits v where v.user_id = users.id)`.execute(db);
  await db.schema.dropTable('work_visits').execute();
}
