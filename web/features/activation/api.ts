import type { z } from 'zod';
import {
  ActivationCheckRequest,
  ActivationCheckResponse,
  ActivationRedeemRequest,
  ActivationRedeemResponse,
  SetupRequest,
  SetupResponse,
} from '../../../common/schemas/activation';
import { api, checked } from '../../api/client';

export type ActivationCheckBody = z.input<typeof ActivationCheckRequest>;
export type ActivationRedeemBody = z.input<typeof ActivationRedeemRequest>;

/**
 * The signed-out pages' writes (a code's holder activating, the first-run setup). They read nothing the
 * query cache keeps, so there is no key factory; each body is its shared request type, checked before it
 * is sent.
 */
export const activationApi = {
  check: async (body: ActivationCheckBody) =>
    api.post('/api/v1/activation/check', checked(ActivationCheckRequest, body), ActivationCheckResponse),
  redeem: async (body: ActivationRedeemBody) =>
    api.post('/api/v1/activation/redeem', checked(ActivationRedeemRequest, body), ActivationRedeemResponse),
  setup: async (body: SetupRequest) => api.post('/api/v1/setup', checked(SetupRequest, body), SetupResponse),
};
