import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ActivationCheckRequest,
  ActivationCheckResponse,
  ActivationRedeemRequest,
  ActivationRedeemResponse,
} from '../../../common/schemas/activation.js';
import { checkCode, redeemCode } from './activation.service.js';

/** The holder's side: open to anyone with a code (rate-limited per address in plugins/rate-limits.ts). */
export async function activationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activation'];
  r.post(
    '/activation/check',
    {
      config: { permission: 'public' },
      schema: { tags, body: ActivationCheckRequest, response: { 200: ActivationCheckResponse } },
    },
    async (request) => checkCode(app.db, request.body.code, { ip: request.ip }),
  );
  r.post(
    '/activation/redeem',
    {
      config: { permission: 'public' },
      schema: { tags, body: ActivationRedeemRequest, response: { 200: ActivationRedeemResponse } },
    },
    async (request) => redeemCode(app.db, app.policyDefaults, request.body, { ip: request.ip }),
  );
}
