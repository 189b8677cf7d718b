// An upload larger than the limit is refused on its Content-Length, before a byte of the body is read, and the
// connection is closed so the client stops sending (a 30 MB upload used to be refused only after it arrived).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ATTACHMENT_BODY_LIMIT } from '../../../common/schemas/attachments.js';
import { sendError } from '../../plugins/error-handler.js';

export function refuseOversizedBody(limit: number) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reply.header('connection', 'close');
      return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
    }
  };
}

/** Route options of every upload route: the body limit, enforced on Content-Length in onRequest too. */
export const uploadLimits = {
  bodyLimit: ATTACHMENT_BODY_LIMIT,
  onRequest: refuseOversizedBody(ATTACHMENT_BODY_LIMIT),
};
