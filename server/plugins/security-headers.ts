import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// Scripts only from our own origin (no inline scripts). antd writes its styles at run time, which
// needs inline <style>; that is the one relaxation.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

async function securityHeaders(app: FastifyInstance, opts: { tls: boolean }): Promise<void> {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.tls) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

export default fp(securityHeaders, { name: 'security-headers' });
