import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './error-handler.js';

/**
 * Serves the built single-page app; any non-API path that is not a file gets index.html so that
 * client-side routes survive a reload. Unknown /api paths answer NOT_FOUND as JSON.
 */
async function web(app: FastifyInstance, opts: { distDir: string }): Promise<void> {
  const root = resolve(opts.distDir);
  const hasWeb = existsSync(resolve(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      index: false,
      wildcard: false,
      maxAge: '1h',
      immutable: false,
    });
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return sendError(request, reply, 'NOT_FOUND');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

export default fp(web, { name: 'web' });
