import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SetupRequest, SetupResponse, SetupStateResponse } from '../../../common/schemas/activation.js';
import { OkResponse } from '../../../common/schemas/shared.js';
import { checkSetupToken, runSetup, setupNeeded } from './setup.service.js';

/** First-run setup: public, but every write needs the token printed at start-up (rate-limited per address). */
export async function setupRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['setup'];
  r.get(
    '/setup',
    { config: { permission: 'public' }, schema: { tags, response: { 200: SetupStateResponse } } },
    async () => ({ needed: await setupNeeded(app.db) }),
  );
  r.post(
    '/setup/check',
    {
      config: { permission: 'public' },
      schema: { tags, body: z.object({ token: z.string().min(1).max(200) }), response: { 200: OkResponse } },
    },
    async (request) => {
      await checkSetupToken(app.db, request.body.token, request.ip);
      return { ok: true as const };
    },
  );
  r.post(
    '/setup',
    {
      config: { permission: 'public' },
      schema: { tags, body: SetupRequest, response: { 200: SetupResponse } },
    },
    async (request) => runSetup(app.db, app.config, app.policyDefaults, request.body, request.ip),
  );
}
