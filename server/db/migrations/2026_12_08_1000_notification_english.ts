import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 15: a notification's title and body in English beside the Chinese ones, composed together when it is
// created, so an English reader's bell and inbox show English. Nullable: the rows written before have only the
// Chinese, which they keep showing. E-mail stays Chinese (`title`, `body`).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('title_en', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('body_en', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('body_en').execute();
  await db.schema.alterTable('notifications').dropColumn('title_en').execute();
}
