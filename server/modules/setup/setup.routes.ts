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
    {
      config: { permission: 'public' },
      schema: {
        summary: '首次设置状态 · Whether first-run setup is still needed',
        tags,
        response: { 200: SetupStateResponse },
      },
    },
    async () => ({ needed: await setupNeeded(app.db) }),
  );
  r.post(
    '/setup/check',
    {
      config: { permission: 'public' },
      schema: {
        summary: '核验设置链接 · Check a first-run setup link',
        tags,
        body: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: OkResponse },
      },
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
      schema: {
        summary: '首次设置 · First-run setup: locality, pairing list and the first accounts',
        tags,
        body: SetupRequest,
        response: { 200: SetupResponse },
      },
    },
    async (request) => runSetup(app.db, app.config, app.policyDefaults, request.body, request.ip),
  );
}
