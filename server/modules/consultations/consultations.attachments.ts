// Documents of a matter: the shared attachment store and its checks (as the ledger's files).
import type { UploadAttachmentRequest } from '../../../common/schemas/attachments.js';
import type { MatterAttachmentDto } from '../../../common/schemas/consultations.js';
import type { RequestContext } from '../../context.js';
import type { RenderedDocument } from '../../documents/send-document.js';
import { attachFile, detachFile, fetchFile } from '../attachments/index.js';
import { visibleMatter } from './consultations.matters.js';
import { matterCounterparts } from './consultations.matters.repository.js';
import { matterAbilities } from './consultations.policy.js';

// ---------------------------------------------------------------------------------------------------------
// Documents of a matter (the attachment store and its checks, shared with the ledger)

/** The matter's facts for its files: its region, and whether the actor may add documents (its department). */
async function matterFileFacts(ctx: RequestContext, matterId: number) {
  const matter = await visibleMatter(ctx, matterId);
  const counterpartIds = (await matterCounterparts(ctx.db, [matterId])).map((c) => c.id);
  const abilities = matterAbilities(ctx.actor, {
    departmentId: matter.department_id,
    counterpartIds,
    symposiumStatus: matter.symposium_status,
    decidedAt: matter.decided_at,
  });
  return { regionId: matter.region_id, canAttach: abilities.canAttach };
}

export async function uploadMatterAttachment(
  ctx: RequestContext,
  matterId: number,
  input: UploadAttachmentRequest,
): Promise<MatterAttachmentDto> {
  return attachFile(ctx, 'consultation', matterId, await matterFileFacts(ctx, matterId), input);
}

export async function downloadMatterAttachment(
  ctx: RequestContext,
  matterId: number,
  attachmentId: number,
): Promise<RenderedDocument> {
  await visibleMatter(ctx, matterId);
  return fetchFile(ctx, 'consultation', matterId, attachmentId);
}

export async function removeMatterAttachment(
  ctx: RequestContext,
  matterId: number,
  attachmentId: number,
): Promise<void> {
  await detachFile(ctx, 'consultation', matterId, await matterFileFacts(ctx, matterId), attachmentId);
}
