import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 15: the note the system writes on a consultation item's timeline in English beside the Chinese one,
// composed together when the event is recorded, so an English reader's item screen shows English. Nullable: the
// rows written before, and the notes that are only what a user typed, have the Chinese `note` alone.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultation_item_events').addColumn('note_en', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultation_item_events').dropColumn('note_en').execute();
}
