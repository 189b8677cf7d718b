import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './error-handler.js';

// NUL cannot be stored in PostgreSQL text (and is never meant in a form field); a lone UTF-16 surrogate cannot
// be encoded in UTF-8, so either engine would silently change it. Both are refused before validation, for
// every route and every part of the request — the schemas then only deal with well-formed text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find NUL
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findBadText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return BAD_TEXT.test(value);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => findBadText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => BAD_TEXT.test(k) || findBadText(v, depth + 1));
}

/** Refuses (400 BAD_TEXT) a request whose body, query or path carries NUL or malformed Unicode. */
async function inputGuard(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (findBadText(request.params) || findBadText(request.query) || findBadText(request.body)) {
      return sendError(request, reply, 'BAD_TEXT');
    }
  });
}

// after `access`: an outsider gets 401/403 before anything about its input
export default fp(inputGuard, { name: 'input-guard', dependencies: ['access'] });
