import type { Readable } from 'node:stream';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { RenderedDocument } from './documents.service.js';

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
