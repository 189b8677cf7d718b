// The one store of attached files (ledger records and consultation matters): one check of what comes in,
// one way to link, list, fetch and unlink, and one garbage rule for content no link uses any more.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentDto,
  type UploadAttachmentRequest,
} from '../../../common/schemas/attachments.js';
import { base64Bytes, formatSize } from '../../../common/uploads.js';
import type { Actor, Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { canRemoveFile } from './attachments.policy.js';
import { sniffAttachment } from './sniff.js';
import { checkZipPackage, isZip, ZIP_MAX_UNCOMPRESSED } from './zip-guard.js';

/** What a file is attached to: a ledger record or a consultation matter. */
export type AttachmentOwner = 'ledger' | 'consultation';

const LINKS = {
  ledger: { table: 'ledger_attachments', owner: 'record_id' },
  consultation: { table: 'consultation_attachments', owner: 'matter_id' },
} as const;

/** A file that passed every check, ready to store. */
export interface CheckedFile {
  fileName: string;
  bytes: Buffer;
  mime: string;
  sha256: string;
}

/** The last path segment of a name a browser sent. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || 'file';
}

/**
 * Everything an upload must pass before anything is written: the decoded size (≤ 10 MB, else
 * PAYLOAD_TOO_LARGE — the route already refused a larger Content-Length unread), an allowed extension whose
 * bytes are of that type (else UNSUPPORTED_MEDIA_TYPE), and for every zip package (.docx / .xlsx) the
 * zip-bomb and entry-count limits of zip-guard.ts (else PAYLOAD_TOO_LARGE, or 415 for a broken package).
 */
export async function checkUpload(input: UploadAttachmentRequest): Promise<CheckedFile> {
  const base64 = input.contentBase64.replace(/\s+/g, '');
  const limit = formatSize(ATTACHMENT_MAX_BYTES);
  if (base64Bytes(base64.length) - 2 > ATTACHMENT_MAX_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', { limit });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { limit });
  if (!bytes.length) throw new AppError('FILE_EMPTY');
  const fileName = baseName(input.fileName);
  const mime = sniffAttachment(fileName, bytes);
  if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (isZip(bytes)) {
    const zip = await checkZipPackage(bytes);
    if (!zip.ok && zip.tooLarge)
      throw new AppError('PAYLOAD_TOO_LARGE', { limit: formatSize(ZIP_MAX_UNCOMPRESSED) });
    if (!zip.ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  return { fileName, bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

// The two link tables share one shape but Kysely cannot type a table name chosen at run time; LINKS above is
// the only place that name comes from, so the query is checked by the tests of both owners instead.
// biome-ignore lint/suspicious/noExplicitAny: table name picked from LINKS at run time
const any = (db: Executor) => db as unknown as Kysely<any>;

/** Store the content once (a second upload of the same bytes reuses it) and link it under its own name and type. */
export async function storeAndLink(
  trx: Executor,
  owner: AttachmentOwner,
  ownerId: number,
  file: CheckedFile,
  actor: Actor,
): Promise<number> {
  await trx
    .insertInto('attachments')
    .values({
      sha256: file.sha256,
      size: file.bytes.length,
      mime: file.mime,
      bytes: file.bytes,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const { table, owner: column } = LINKS[owner];
  const row = await any(trx)
    .insertInto(table)
    .values({
      [column]: ownerId,
      sha256: file.sha256,
      file_name: file.fileName,
      mime: file.mime,
      uploaded_by: actor.userId,
      uploader_org_id: actor.organisationId,
      uploaded_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface FileRow {
  id: number;
  owner_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_at: string;
  uploader_org_id: number | null;
  uploader_org_name: string | null;
}

/** The files of records or matters, with size, type and uploader unit, without the bytes. */
export async function filesOf(db: Executor, owner: AttachmentOwner, ownerIds: number[]): Promise<FileRow[]> {
  if (!ownerIds.length) return [];
  const { table, owner: column } = LINKS[owner];
  const rows = await any(db)
    .selectFrom(`${table} as l`)
    .innerJoin('attachments as a', 'a.sha256', 'l.sha256')
    .leftJoin('organisations as o', 'o.id', 'l.uploader_org_id')
    .select([
      'l.id',
      `l.${column} as owner_id`,
      'l.file_name',
      'l.mime as link_mime',
      'a.mime as content_mime',
      'a.size',
      'a.sha256',
      'l.uploaded_at',
      'l.uploader_org_id',
      'o.name as uploader_org_name',
    ])
    .where(`l.${column}`, 'in', ownerIds)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    owner_id: Number(r.owner_id),
    file_name: r.file_name,
    mime: r.link_mime ?? r.content_mime,
    size: Number(r.size),
    sha256: r.sha256,
    uploaded_at: r.uploaded_at,
    uploader_org_id: r.uploader_org_id === null ? null : Number(r.uploader_org_id),
    uploader_org_name: r.uploader_org_name ?? null,
  }));
}

/** One link with its bytes, to download under the link's own name and type. */
export async function fileWithBytes(db: Executor, owner: AttachmentOwner, ownerId: number, id: number) {
  const { table, owner: column } = LINKS[owner];
  const row = await any(db)
    .selectFrom(`${table} as l`)
    .innerJoin('attachments as a', 'a.sha256', 'l.sha256')
    .select(['l.file_name', 'l.mime as link_mime', 'a.mime as content_mime', 'a.bytes'])
    .where(`l.${column}`, '=', ownerId)
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    fileName: row.file_name as string,
    mime: (row.link_mime ?? row.content_mime) as string,
    bytes: Buffer.from(row.bytes),
  };
}

/** One link (no bytes), to decide whether the actor may remove it. */
export async function findLink(db: Executor, owner: AttachmentOwner, ownerId: number, id: number) {
  const { table, owner: column } = LINKS[owner];
  const row = await any(db)
    .selectFrom(table)
    .select(['id', 'sha256', 'file_name', 'uploader_org_id'])
    .where(column, '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    sha256: row.sha256 as string,
    fileName: row.file_name as string,
    uploaderOrgId: row.uploader_org_id === null ? null : Number(row.uploader_org_id),
  };
}

/** Remove one link; the content goes with its last link (the one garbage rule). */
export async function unlinkFile(trx: Executor, owner: AttachmentOwner, id: number): Promise<void> {
  const { table } = LINKS[owner];
  const link = await any(trx).selectFrom(table).select('sha256').where('id', '=', id).executeTakeFirst();
  if (!link) return;
  await any(trx).deleteFrom(table).where('id', '=', id).execute();
  await collectGarbage(trx, link.sha256);
}

/** Delete stored content that no link (of any owner) uses any more. */
export async function collectGarbage(trx: Executor, sha256: string): Promise<void> {
  for (const { table } of Object.values(LINKS)) {
    const used = await any(trx)
      .selectFrom(table)
      .select('id')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst();
    if (used) return;
  }
  await trx.deleteFrom('attachments').where('sha256', '=', sha256).execute();
}

export function presentFile(actor: Actor, f: FileRow): AttachmentDto {
  return {
    id: f.id,
    fileName: f.file_name,
    size: f.size,
    mime: f.mime,
    sha256: f.sha256,
    uploadedAt: f.uploaded_at,
    uploaderUnit:
      f.uploader_org_id === null ? null : { id: f.uploader_org_id, name: f.uploader_org_name ?? '' },
    canRemove: canRemoveFile(actor, { uploaderOrgId: f.uploader_org_id }),
  };
}
