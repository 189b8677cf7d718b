import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';

/** Store content once: a second upload of the same bytes reuses the row. */
export async function putContent(
  db: Executor,
  values: { sha256: string; size: number; mime: string; bytes: Buffer },
): Promise<void> {
  await db
    .insertInto('attachments')
    .values({ ...values, created_at: nowIso() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function linkAttachment(
  db: Executor,
  values: { recordId: number; sha256: string; fileName: string; uploadedBy: number },
) {
  return db
    .insertInto('ledger_attachments')
    .values({
      record_id: values.recordId,
      sha256: values.sha256,
      file_name: values.fileName,
      uploaded_by: values.uploadedBy,
      uploaded_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The attachments of records, with size and type, without the bytes. */
export async function attachmentsOf(db: Executor, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db
    .selectFrom('ledger_attachments as la')
    .innerJoin('attachments as a', 'a.sha256', 'la.sha256')
    .select(['la.id', 'la.record_id', 'la.file_name', 'la.uploaded_at', 'a.sha256', 'a.size', 'a.mime'])
    .where('la.record_id', 'in', recordIds)
    .orderBy('la.id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof attachmentsOf>>[number];

export async function attachmentWithBytes(db: Executor, recordId: number, id: number) {
  return db
    .selectFrom('ledger_attachments as la')
    .innerJoin('attachments as a', 'a.sha256', 'la.sha256')
    .select(['la.id', 'la.file_name', 'a.sha256', 'a.size', 'a.mime', 'a.bytes'])
    .where('la.record_id', '=', recordId)
    .where('la.id', '=', id)
    .executeTakeFirst();
}

export async function unlinkAttachment(db: Executor, recordId: number, id: number) {
  const link = await db
    .selectFrom('ledger_attachments')
    .select(['id', 'sha256', 'file_name'])
    .where('record_id', '=', recordId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!link) return null;
  await db.deleteFrom('ledger_attachments').where('id', '=', id).execute();
  // content no other link uses is removed with its last link
  const other = await db
    .selectFrom('ledger_attachments')
    .select('id')
    .where('sha256', '=', link.sha256)
    .limit(1)
    .executeTakeFirst();
  // the documents of consultation matters share the store
  const inMatters = await db
    .selectFrom('consultation_attachments')
    .select('id')
    .where('sha256', '=', link.sha256)
    .limit(1)
    .executeTakeFirst();
  if (!other && !inMatters) await db.deleteFrom('attachments').where('sha256', '=', link.sha256).execute();
  return link;
}
