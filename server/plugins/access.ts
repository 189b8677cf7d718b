import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, PERMISSIONS, type Permission } from '../../common/roles.js';
import { recordRefusal } from '../access/refusals.js';
import type { RequestContext } from '../context.js';
import { AppError } from '../errors.js';
import { requestLang, sendError } from './error-handler.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The one permission this route needs. Every /api route must declare it. */
    permission?: Permission;
    /**
     * The route answers a document (a .docx/.xlsx export): limited per user (`rate-limits.ts`), and its
     * service writes a `document.export` audit entry (`appendExportAudit`; `web-security.test.ts` checks every one).
     */
    export?: boolean;
  }
  interface FastifyRequest {
    /** The service context of a signed-in request; throws UNAUTHENTICATED when there is no actor. */
    ctx(): RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF header equals the session's token, compared in constant time. */
function sameToken(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Routes a user who must change their password (or enrol a second factor) may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: Permission[] = ['public', 'self'];

async function checkAccess(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const permission = request.routeOptions.config.permission;
  if (!permission || permission === 'public') return;
  const actor = request.actor;
  if (!actor || !request.session) return sendError(request, reply, 'UNAUTHENTICATED');
  if (
    !SAFE_METHODS.has(request.method) &&
    !sameToken(request.headers['x-csrf-token'], request.session.csrfToken)
  ) {
    return sendError(request, reply, 'CSRF_FAILED');
  }
  // Until the account is in order (a generated or expired password changed, an admin's second factor
  // enrolled when the policy requires one), only its own account routes answer.
  const pending = actor.mustChangePassword
    ? 'PASSWORD_CHANGE_REQUIRED'
    : request.secondFactor?.mustEnrolTotp
      ? 'TOTP_ENROLMENT_REQUIRED'
      : null;
  if (pending && !ALLOWED_BEFORE_PASSWORD_CHANGE.includes(permission)) {
    await recordRefusal(app, request, pending);
    return sendError(request, reply, pending);
  }
  if (!can(actor.role, permission)) {
    await recordRefusal(app, request, `permission ${permission}`);
    return sendError(request, reply, 'FORBIDDEN');
  }
}

async function access(app: FastifyInstance): Promise<void> {
  // An /api route without a declared permission is a programming error: refuse to start.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const permission = route.config?.permission;
    if (!permission || !PERMISSIONS.includes(permission)) {
      throw new Error(`route ${route.method} ${route.url} declares no valid permission`);
    }
  });
  app.decorateRequest('ctx', function (this: FastifyRequest): RequestContext {
    if (!this.actor) throw new AppError('UNAUTHENTICATED');
    return { db: app.db, actor: this.actor, ip: this.ip, lang: requestLang(this) };
  });
  // Before validation, so an outsider learns nothing from validation messages.
  app.addHook('preValidation', async (request, reply) => checkAccess(app, request, reply));
}

export default fp(access, { name: 'access', dependencies: ['auth', 'db'] });
