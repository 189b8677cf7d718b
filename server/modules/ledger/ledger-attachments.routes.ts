import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AttachmentDto,
  AttachmentParams,
  UploadAttachmentRequest,
} from '../../../common/schemas/attachments.js';
import { IdParams, OkResponse } from '../../../common/schemas/shared.js';
import { sendDocument } from '../../documents/send-document.js';
import { uploadLimits } from '../attachments/index.js';
import { downloadAttachment, removeAttachment, uploadAttachment } from './ledger.attachments.js';

/** A ledger record's files: upload, download, remove. */
export async function ledgerAttachmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];

  r.post(
    '/ledger/:id/attachments',
    {
      config: { permission: 'ledger:write' },
      ...uploadLimits,
      schema: {
        summary: '上传台账附件 · Attach a file to a ledger record (size, type and zip limits checked)',
        tags,
        params: IdParams,
        body: UploadAttachmentRequest,
        response: { 200: AttachmentDto },
      },
    },
    async (request) => uploadAttachment(request.ctx(), request.params.id, request.body),
  );
  r.get(
    '/ledger/:id/attachments/:attachmentId',
    {
      config: { permission: 'ledger:read' },
      schema: {
        summary: "下载台账附件 · Download a ledger record's attachment",
        tags,
        params: AttachmentParams,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await downloadAttachment(request.ctx(), request.params.id, request.params.attachmentId),
      ),
  );
  r.delete(
    '/ledger/:id/attachments/:attachmentId',
    {
      config: { permission: 'ledger:write' },
      schema: {
        summary: "删除台账附件 · Remove an attachment (the uploader's unit or 统战部)",
        tags,
        params: AttachmentParams,
        response: { 200: OkResponse },
      },
    },
    async (request) => {
      await removeAttachment(request.ctx(), request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );
}
