import type { Readable } from 'node:stream';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';

/** A file a route answers: its name, media type and bytes. */
export interface RenderedDocument {
  filename: string;
  contentType: string;
  body: Buffer;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The header of a download: RFC 6266 with an RFC 5987 `filename*`, so quotes and Chinese names survive. */
export function attachmentHeader(filename: string): string {
  // the plain `filename` fallback: printable ASCII without quote, backslash or percent
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return contentDisposition(filename, { fallback });
}

/** Send a file download. */
export function sendDocument(
  reply: FastifyReply,
  doc: Omit<RenderedDocument, 'body'> & { body: Buffer | Readable },
): FastifyReply {
  return reply
    .header('content-type', doc.contentType)
    .header('content-disposition', attachmentHeader(doc.filename))
    .header('cache-control', 'no-store')
    .send(doc.body);
}
