// Files attached to ledger records and consultation matters: one upload shape, one file shape, one set of
// limits (common/uploads.ts: checked by the browser before the upload starts and again by the server).
import { z } from 'zod';
import { Id, Text } from './shared.js';

export {
  ATTACHMENT_BODY_LIMIT,
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  attachmentExtension,
  extensionOf,
} from '../uploads.js';

export const UploadAttachmentRequest = z
  .object({
    fileName: Text(200),
    contentBase64: z.string().regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, 'not base64'),
  })
  .meta({
    id: 'UploadAttachmentRequest',
    description:
      '上传附件：文件名和Base64编码的内容 · Uploads a file as JSON: its name and base64 content (at most 10 MB decoded)',
  });
export type UploadAttachmentRequest = z.infer<typeof UploadAttachmentRequest>;

export const AttachmentDto = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    size: z.number().int(),
    mime: z.string(),
    sha256: z.string(),
    uploadedAt: z.string(),
    /** the unit of whoever uploaded the file (null for files from before this was recorded) */
    uploaderUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    /** the uploader's unit and 统战部 may remove a file */
    canRemove: z.boolean(),
  })
  .meta({
    id: 'AttachmentDto',
    description:
      '一个附件：文件名、大小、类型、SHA-256、上传时间和上传单位 · An attached file: name, size, MIME type, SHA-256, upload time, the uploader’s unit and whether the user may remove it',
  });
export type AttachmentDto = z.infer<typeof AttachmentDto>;

export const AttachmentParams = z.object({ id: Id, attachmentId: Id }).meta({
  id: 'AttachmentParams',
  description: '附件的路径参数 · Path parameters: a record’s id and the id of one of its attachments',
});
