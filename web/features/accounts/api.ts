import { useQuery } from '@tanstack/react-query';
import {
  HandoverListResponse,
  IssuedCodeDto,
  ProvisionPreviewResponse,
  ProvisionRequest,
  ProvisionResponse,
  UnitAccountListResponse,
} from '../../../common/schemas/activation';
import { api, checked } from '../../api/client';

export const accountKeys = {
  all: ['accounts'] as const,
  units: ['accounts', 'units'] as const,
  handovers: ['accounts', 'handovers'] as const,
};

/** Every unit with its 联络员 account (or none yet). */
export function useUnitAccounts() {
  return useQuery({
    queryKey: accountKeys.units,
    queryFn: () => api.get('/api/v1/accounts', UnitAccountListResponse),
  });
}

/** The hand-overs waiting for 统战部's word. */
export function useProposedHandovers() {
  return useQuery({
    queryKey: accountKeys.handovers,
    queryFn: () => api.get('/api/v1/accounts/handovers', HandoverListResponse, { status: 'proposed' }),
  });
}

/**
 * Every write on unit accounts; a body is its shared request type, checked before it is sent. Issuing a
 * code and deciding a hand-over send no fields (the accept route's optional `{ email }` body has no shared
 * schema in common/schemas, and this page never sends one).
 */
export const accountApi = {
  preview: async (body: ProvisionRequest) =>
    api.post('/api/v1/accounts/provision/preview', checked(ProvisionRequest, body), ProvisionPreviewResponse),
  provision: async (body: ProvisionRequest) =>
    api.post('/api/v1/accounts/provision', checked(ProvisionRequest, body), ProvisionResponse),
  issueCode: (userId: number) => api.post(`/api/v1/accounts/${userId}/code`, {}, IssuedCodeDto),
  acceptHandover: (id: number) => api.post(`/api/v1/accounts/handovers/${id}/accept`, {}, IssuedCodeDto),
  declineHandover: (id: number) => api.postIgnoringBody(`/api/v1/accounts/handovers/${id}/decline`),
};
