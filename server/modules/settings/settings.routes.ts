import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SecurityPolicySchema } from '../../../common/security-policy.js';
import { appendAudit } from '../audit/audit.writer.js';
import { currentSecurityPolicy, forgetCachedSecurityPolicy, SECURITY_POLICY_KEY } from './security-policy.js';
import { writeSetting } from './settings.repository.js';

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get(
    '/settings/security',
    { config: { permission: 'security:read' }, schema: { tags, response: { 200: SecurityPolicySchema } } },
    async () => currentSecurityPolicy(app.db, app.policyDefaults),
  );
  r.put(
    '/settings/security',
    {
      config: { permission: 'security:write' },
      schema: { tags, body: SecurityPolicySchema, response: { 200: SecurityPolicySchema } },
    },
    async (request) => {
      const ctx = request.ctx();
      const before = await currentSecurityPolicy(app.db, app.policyDefaults);
      await app.db.transaction().execute(async (trx) => {
        await writeSetting(trx, SECURITY_POLICY_KEY, request.body, ctx.actor.userId);
        await appendAudit(trx, ctx, {
          action: 'settings.security.update',
          entityType: 'settings',
          entityId: SECURITY_POLICY_KEY,
          before,
          after: request.body,
        });
      });
      forgetCachedSecurityPolicy();
      return currentSecurityPolicy(app.db, app.policyDefaults);
    },
  );
}
