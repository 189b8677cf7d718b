import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { appendAuditAlone } from '../modules/audit/audit.writer.js';
import { isExportRoute } from './rate-limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the last audit entry id before an export ran: its own entry, if it writes one, comes after */
    auditMarkBeforeExport?: number;
  }
}

const lastAuditId = async (app: FastifyInstance): Promise<number> => {
  const row = await app.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
};

/**
 * Every export is on the audit trail (等保 安全审计; ASVS V7). The services write a detailed `document.export`
 * entry for theirs (what, which year, phones in full or masked); an export route that does not — a new one —
 * still gets a plain entry here (route and query), so none is ever missed.
 */
async function exportAudit(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().some((m) => isExportRoute(m, route.url))) return;
    const before = async (request: FastifyRequest) => {
      request.auditMarkBeforeExport = await lastAuditId(app);
    };
    // onSend: before the answer leaves, so the entry exists once the client has the file
    const after = async (request: FastifyRequest, reply: { statusCode: number }, payload: unknown) => {
      if (reply.statusCode !== 200 || !request.actor || request.auditMarkBeforeExport === undefined)
        return payload;
      const own = await app.db
        .selectFrom('audit_log')
        .select('id')
        .where('id', '>', request.auditMarkBeforeExport)
        .where('actor_id', '=', request.actor.userId)
        .where('action', 'like', '%export')
        .limit(1)
        .executeTakeFirst();
      if (own) return payload;
      await appendAuditAlone(
        app.db,
        { actor: { ...request.actor, regionId: request.actor.regionId }, ip: request.ip },
        {
          action: 'document.export',
          entityType: 'document',
          entityId: request.routeOptions.url ?? request.url,
          detail: request.url.split('?')[1]?.slice(0, 500) ?? null,
        },
      );
      return payload;
    };
    route.preHandler = [...(route.preHandler ? [route.preHandler].flat() : []), before] as never;
    route.onSend = [...(route.onSend ? [route.onSend].flat() : []), after] as never;
  });
}

export default fp(exportAudit, { name: 'export-audit', dependencies: ['db', 'auth'] });
