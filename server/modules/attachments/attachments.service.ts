import type { AuditAction } from '../../../common/audit-actions.js';
import type { AttachmentDto, UploadAttachmentRequest } from '../../../common/schemas/attachments.js';
import type { RequestContext } from '../../context.js';
import type { RenderedDocument } from '../../documents/send-document.js';
import { forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { canRemoveFile } from './attachments.policy.js';
import {
  type AttachmentOwner,
  checkUpload,
  filesOf,
  fileWithBytes,
  findLink,
  presentFile,
  storeAndLink,
  unlinkFile,
} from './attachments.store.js';

/** What a file hangs on: its region (for the audit entry) and whether the actor may add files to it. */
export interface OwnerFacts {
  regionId: number;
  canAttach: boolean;
}

const ENTITY: Record<AttachmentOwner, { entityType: string; attach: AuditAction; detach: AuditAction }> = {
  ledger: { entityType: 'ledger_record', attach: 'ledger.attach', detach: 'ledger.detach' },
  consultation: {
    entityType: 'consultation_matter',
    attach: 'consultation.matter.attach',
    detach: 'consultation.matter.detach',
  },
};

/** Check and store a file, link it to its owner and audit the link (name, size, type — never the content). */
export async function attachFile(
  ctx: RequestContext,
  owner: AttachmentOwner,
  ownerId: number,
  facts: OwnerFacts,
  input: UploadAttachmentRequest,
): Promise<AttachmentDto> {
  if (!facts.canAttach) throw forbidden();
  const file = await checkUpload(input);
  const linkId = await ctx.db.transaction().execute(async (trx) => {
    const id = await storeAndLink(trx, owner, ownerId, file, ctx.actor);
    await appendAudit(trx, ctx, {
      action: ENTITY[owner].attach,
      entityType: ENTITY[owner].entityType,
      entityId: ownerId,
      regionId: facts.regionId,
      after: { attachmentId: id, sha256: file.sha256, size: file.bytes.length, mime: file.mime },
    });
    return id;
  });
  const row = (await filesOf(ctx.db, owner, [ownerId])).find((a) => a.id === linkId);
  if (!row) throw notFound();
  return presentFile(ctx.actor, row);
}

/** A file of an owner the caller has already found visible, under its link's own name and type. */
export async function fetchFile(
  ctx: RequestContext,
  owner: AttachmentOwner,
  ownerId: number,
  attachmentId: number,
): Promise<RenderedDocument> {
  const row = await fileWithBytes(ctx.db, owner, ownerId, attachmentId);
  if (!row) throw notFound();
  return { filename: row.fileName, contentType: row.mime, body: row.bytes };
}

/** Remove a file: only the uploader's unit, or 统战部; the content goes with its last link. */
export async function detachFile(
  ctx: RequestContext,
  owner: AttachmentOwner,
  ownerId: number,
  facts: OwnerFacts,
  attachmentId: number,
): Promise<void> {
  const link = await findLink(ctx.db, owner, ownerId, attachmentId);
  if (!link) throw notFound();
  if (!canRemoveFile(ctx.actor, link)) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    await unlinkFile(trx, owner, attachmentId);
    await appendAudit(trx, ctx, {
      action: ENTITY[owner].detach,
      entityType: ENTITY[owner].entityType,
      entityId: ownerId,
      regionId: facts.regionId,
      before: { attachmentId, sha256: link.sha256 },
    });
  });
}
