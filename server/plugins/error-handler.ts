import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  errorMessage,
  type FieldError,
  type Lang,
} from '../../common/errors.js';
import { formatSize } from '../../common/file-size.js';
import { fieldErrors, type IssueLike, validationMessage } from '../../common/validation.js';
import { recordRefusal } from '../access/refusals.js';
import { AppError, FieldsInvalid } from '../errors.js';
import { appendAuditAlone } from '../modules/audit/index.js';

/** The language of the messages we answer with: English only when the client prefers it. */
export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, string | number> = {},
): FastifyReply {
  const body: ErrorBody = { error: { code, message: errorMessage(code, requestLang(request), params) } };
  return reply.status(ERROR_CODES[code].status).type('application/json; charset=utf-8').send(body);
}

/**
 * VALIDATION_FAILED told field by field: each issue names its field by its label in the request's language
 * (「标题」不能超过200个字 / Title: at most 200 characters), in the message and, one entry a field, in `details`.
 */
export function sendFieldErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  issues: readonly IssueLike[],
  context = 'body',
): FastifyReply {
  const lang = requestLang(request);
  const details: FieldError[] = fieldErrors(issues, lang, context);
  const body: ErrorBody = {
    error: { code: 'VALIDATION_FAILED', message: validationMessage(details, lang), details },
  };
  return reply
    .status(ERROR_CODES.VALIDATION_FAILED.status)
    .type('application/json; charset=utf-8')
    .send(body);
}

// Fastify's own error codes that are the client's fault, mapped to ours.
const FASTIFY_CLIENT_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** The zod issues behind fastify-type-provider-zod's validation entries (it keeps all but path, code, message). */
function zodIssues(validation: FastifyError['validation']): IssueLike[] {
  return (validation ?? []).map((v) => ({
    ...(v.params as Omit<IssueLike, 'code' | 'path' | 'message'>),
    code: v.keyword,
    path: v.instancePath.split('/').filter(Boolean),
    message: v.message ?? '',
  }));
}

/**
 * Fastify's own answers before a route is found (a malformed URL, a parameter over maxParamLength), in our
 * `{error:{code,message}}` shape: the `frameworkErrors` option of the Fastify constructor.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendError(request, reply, 'URI_TOO_LONG');
    return;
  }
  sendError(request, reply, 'VALIDATION_FAILED', { detail: error.message });
}

/**
 * A request Node's HTTP parser refuses (bad request line, headers over the limit) never reaches Fastify: its
 * socket gets a complete HTTP answer in our shape (Chinese: there are no parsed headers to choose by).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : error.code === 'HPE_URI_TOO_LONG'
        ? 'URI_TOO_LONG'
        : 'MALFORMED_REQUEST';
  const status = ERROR_CODES[code].status;
  const body = JSON.stringify({
    error: {
      code,
      message: errorMessage(code, 'zh-CN'),
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A stored value failed its MAC / tag (altered in the database): logged as an error and put on the audit trail. */
async function recordIntegrityFailure(app: FastifyInstance, request: FastifyRequest, error: AppError) {
  const route = `${request.method} ${request.routeOptions.url}`;
  request.log.error(
    { route, scheme: error.params.scheme },
    'stored encrypted value failed its integrity check',
  );
  if (!app.hasDecorator('db')) return;
  await appendAuditAlone(
    app.db,
    { actor: request.actor ?? null, ip: request.ip },
    {
      action: 'data.integrity',
      entityType: 'route',
      entityId: route,
      outcome: 'failed',
      detail: `stored value failed its integrity check (${error.params.scheme})`,
    },
  ).catch((e: unknown) => request.log.error({ err: e }, 'audit of an integrity failure failed'));
}

async function errorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A refusal by a service's own rule (403), or a record outside the actor's scope — indistinguishable
      // from one that does not exist (404): on the audit trail too, like every refused request.
      if (error.code === 'FORBIDDEN') await recordRefusal(app, request, 'policy');
      if (error.code === 'NOT_FOUND') await recordRefusal(app, request, 'not-found');
      if (error.code === 'DATA_INTEGRITY') await recordIntegrityFailure(app, request, error);
      if (error instanceof FieldsInvalid) return sendFieldErrors(request, reply, error.issues);
      return sendError(request, reply, error.code, error.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendFieldErrors(request, reply, zodIssues(error.validation), error.validationContext);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(request, reply, 'PAYLOAD_TOO_LARGE', {
        limit: formatSize(request.routeOptions.bodyLimit ?? 0),
      });
    }
    const mapped = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped, { detail: error.message });
    if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, 'VALIDATION_FAILED', { detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}

export default fp(errorHandler, { name: 'error-handler' });
