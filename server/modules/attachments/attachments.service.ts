import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentDto,
  type UploadAttachmentRequest,
} from '../../../common/schemas/ledger.js';
import type { RequestContext } from '../../context.js';
import { AppError, forbidden, invalid, notFound } from '../../errors.js';
import { appendAudit } from '../audit/audit.writer.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import { abilitiesFor } from '../ledger/ledger.policy.js';
import { visibleRecord } from '../ledger/ledger.service.js';
import {
  attachmentsOf,
  attachmentWithBytes,
  linkAttachment,
  putContent,
  unlinkAttachment,
} from './attachments.repository.js';
import { sniffAttachment } from './sniff.js';
import { checkZipPackage } from './zip-guard.js';

/** The last path segment of a name a browser sent, without control characters. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || 'file';
}

/**
 * Attach a file to a ledger record. Checked before anything is written: the decoded size (≤ 10 MB, else
 * PAYLOAD_TOO_LARGE) and the type — an allowed extension whose bytes are of that type (else
 * UNSUPPORTED_MEDIA_TYPE); a .docx / .xlsx must also unpack to at most 100 MiB (zip-guard.ts; else
 * PAYLOAD_TOO_LARGE). Content is stored once per sha256; the link keeps the original name.
 */
export async function uploadAttachment(
  ctx: RequestContext,
  recordId: number,
  input: UploadAttachmentRequest,
): Promise<AttachmentDto> {
  const v = await visibleRecord(ctx, recordId);
  if (!abilitiesFor(ctx.actor, v.facts).canAttach) throw forbidden();
  const base64 = input.contentBase64.replace(/\s+/g, '');
  if (Math.floor((base64.length * 3) / 4) - 2 > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  if (!bytes.length) throw invalid('contentBase64: 文件为空 / empty file');
  const fileName = baseName(input.fileName);
  const mime = sniffAttachment(fileName, bytes);
  if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (mime.includes('openxmlformats')) {
    // .docx / .xlsx are zip packages: refuse a zip bomb (checked by inflating, not by trusting the directory)
    const zip = await checkZipPackage(bytes);
    if (!zip.ok) throw new AppError(zip.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const linkId = await ctx.db.transaction().execute(async (trx) => {
    await putContent(trx, { sha256, size: bytes.length, mime, bytes });
    const link = await linkAttachment(trx, { recordId, sha256, fileName, uploadedBy: ctx.actor.userId });
    await appendAudit(trx, ctx, {
      action: 'ledger.attach',
      entityType: 'ledger_record',
      entityId: recordId,
      regionId: v.row.region_id,
      after: { attachmentId: link.id, fileName, sha256, size: bytes.length, mime },
    });
    return link.id;
  });
  const row = (await attachmentsOf(ctx.db, [recordId])).find((a) => a.id === linkId);
  if (!row) throw notFound();
  return {
    id: row.id,
    fileName: row.file_name,
    size: Number(row.size),
    mime: row.mime,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

export async function downloadAttachment(
  ctx: RequestContext,
  recordId: number,
  attachmentId: number,
): Promise<RenderedDocument> {
  await visibleRecord(ctx, recordId);
  const row = await attachmentWithBytes(ctx.db, recordId, attachmentId);
  if (!row) throw notFound();
  return { filename: row.file_name, contentType: row.mime, body: Buffer.from(row.bytes) };
}

/** Remove a file from a record; the content goes too when no other record links it. */
export async function removeAttachment(
  ctx: RequestContext,
  recordId: number,
  attachmentId: number,
): Promise<void> {
  const v = await visibleRecord(ctx, recordId);
  if (!abilitiesFor(ctx.actor, v.facts).canAttach) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const link = await unlinkAttachment(trx, recordId, attachmentId);
    if (!link) throw notFound();
    await appendAudit(trx, ctx, {
      action: 'ledger.detach',
      entityType: 'ledger_record',
      entityId: recordId,
      regionId: v.row.region_id,
      before: { attachmentId, fileName: link.file_name, sha256: link.sha256 },
    });
  });
}
