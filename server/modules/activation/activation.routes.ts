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
      schema: {
        summary: '核验激活码 · Check an activation code before choosing a password',
        tags,
        body: ActivationCheckRequest,
        response: { 200: ActivationCheckResponse },
      },
    },
    async (request) => checkCode(app.db, request.body.code, { ip: request.ip }),
  );
  r.post(
    '/activation/redeem',
    {
      config: { permission: 'public' },
      schema: {
        summary: '激活账号 · Redeem an activation code and set the password',
        tags,
        body: ActivationRedeemRequest,
        response: { 200: ActivationRedeemResponse },
      },
    },
    async (request) => redeemCode(app.db, app.policyDefaults, request.body, { ip: request.ip }),
  );
}
