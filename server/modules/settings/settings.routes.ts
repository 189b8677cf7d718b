import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SecurityPolicySchema } from '../../../common/security-policy.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { currentSecurityPolicy, forgetCachedSecurityPolicy, SECURITY_POLICY_KEY } from './security-policy.js';
import { writeSetting } from './settings.repository.js';

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get(
    '/settings/security',
    {
      config: { permission: 'security:read' },
      schema: {
        summary: '安全策略 · The security policy (passwords, lockout, sessions)',
        tags,
        response: { 200: SecurityPolicySchema },
      },
    },
    async () => currentSecurityPolicy(app.db, app.policyDefaults),
  );
  r.put(
    '/settings/security',
    {
      config: { permission: 'security:write' },
      schema: {
        summary: '修改安全策略 · Change the security policy (security administrator only)',
        tags,
        body: SecurityPolicySchema,
        response: { 200: SecurityPolicySchema },
      },
    },
    async (request) => {
      const ctx = request.ctx();
      forgetCachedSecurityPolicy();
      const before = await currentSecurityPolicy(app.db, app.policyDefaults);
      // A rule the request leaves out keeps its value (a client that predates it does not reset it).
      const after = { ...before, ...request.body };
      // Requiring TOTP of the admins while the one who sets it has none would lock them out of this very page.
      if (
        after.totpRequiredForAdmins &&
        !before.totpRequiredForAdmins &&
        !request.secondFactor?.totpEnabled
      ) {
        throw new AppError('OWN_TOTP_REQUIRED');
      }
      await app.db.transaction().execute(async (trx) => {
        await writeSetting(trx, SECURITY_POLICY_KEY, after, ctx.actor.userId);
        await appendAudit(trx, ctx, {
          action: 'settings.security.update',
          entityType: 'settings',
          entityId: SECURITY_POLICY_KEY,
          before,
          after,
        });
      });
      forgetCachedSecurityPolicy();
      return currentSecurityPolicy(app.db, app.policyDefaults);
    },
  );
}
