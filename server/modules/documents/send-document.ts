import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { RenderedDocument } from './documents.service.js';

/** Send a file download; the name is RFC 5987-encoded so Chinese file names survive every browser. */
export function sendDocument(
  reply: FastifyReply,
  doc: Omit<RenderedDocument, 'body'> & { body: Buffer | Readable },
): FastifyReply {
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', doc.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    )
    .header('cache-control', 'no-store')
    .send(doc.body);
}
