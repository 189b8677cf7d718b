// A ledger record's files, in the shared store (attachments module): who may add or remove them follows the
// record's abilities, who may fetch them its visibility.
import type { AttachmentDto, UploadAttachmentRequest } from '../../../common/schemas/attachments.js';
import type { RequestContext } from '../../context.js';
import type { RenderedDocument } from '../../documents/send-document.js';
import { attachFile, detachFile, fetchFile, type OwnerFacts } from '../attachments/index.js';
import { abilitiesFor } from './ledger.policy.js';
import { visibleRecord } from './ledger.queries.js';

async function ledgerFacts(ctx: RequestContext, recordId: number): Promise<OwnerFacts> {
  const v = await visibleRecord(ctx, recordId);
  return { regionId: v.row.region_id, canAttach: abilitiesFor(ctx.actor, v.facts).canAttach };
}

export async function uploadAttachment(
  ctx: RequestContext,
  recordId: number,
  input: UploadAttachmentRequest,
): Promise<AttachmentDto> {
  return attachFile(ctx, 'ledger', recordId, await ledgerFacts(ctx, recordId), input);
}

export async function downloadAttachment(
  ctx: RequestContext,
  recordId: number,
  attachmentId: number,
): Promise<RenderedDocument> {
  await visibleRecord(ctx, recordId);
  return fetchFile(ctx, 'ledger', recordId, attachmentId);
}

export async function removeAttachment(
  ctx: RequestContext,
  recordId: number,
  attachmentId: number,
): Promise<void> {
  await detachFile(ctx, 'ledger', recordId, await ledgerFacts(ctx, recordId), attachmentId);
}
