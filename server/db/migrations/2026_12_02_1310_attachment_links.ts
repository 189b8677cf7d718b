import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// Each link to a stored file keeps its own type (the same bytes uploaded as .pdf and as .txt are two links
// with two types) and the unit of whoever uploaded it (only that unit, or 统战部, may remove it).

const LINK_TABLES = ['ledger_attachments', 'consultation_attachments'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of LINK_TABLES) {
    await db.schema.alterTable(table).addColumn('mime', 'text').execute();
    await db.schema.alterTable(table).addColumn('uploader_org_id', 'integer').execute();
    await sql`update ${sql.table(table)} set mime = (select a.mime from attachments a where a.sha256 = ${sql.ref(`${table}.sha256`)})`.execute(
      db,
    );
    await sql`update ${sql.table(table)} set uploader_org_id = (select u.organisation_id from users u where u.id = ${sql.ref(`${table}.uploaded_by`)})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of LINK_TABLES) {
    await db.schema.alterTable(table).dropColumn('uploader_org_id').execute();
    await db.schema.alterTable(table).dropColumn('mime').execute();
  }
}
