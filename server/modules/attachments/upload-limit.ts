// An upload larger than the limit is refused on its Content-Length, before a byte of the body is read, and the
// connection is closed so the client stops sending (a 30 MB upload used to be refused only after it arrived).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatSize, UPLOADS, type UploadRule } from '../../../common/uploads.js';
import { sendError } from '../../plugins/error-handler.js';

/** Refuse a body over the rule's limit on its Content-Length, naming the largest file the rule accepts. */
export function refuseOversizedBody(rule: UploadRule) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > rule.bodyLimit) {
      reply.header('connection', 'close');
      return sendError(request, reply, 'PAYLOAD_TOO_LARGE', { limit: formatSize(rule.maxBytes) });
    }
  };
}

/** Route options of an upload route: the rule's body limit, enforced on Content-Length in onRequest too. */
export const limitsOf = (rule: UploadRule) => ({
  bodyLimit: rule.bodyLimit,
  onRequest: refuseOversizedBody(rule),
});

/** Route options of every attachment upload route. */
export const uploadLimits = limitsOf(UPLOADS.attachment);
