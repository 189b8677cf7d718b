import { useQuery } from '@tanstack/react-query';
import {
  CreatePairingRequest,
  EndPairingRequest,
  PairingDto,
  PairingHistoryResponse,
  PairingListResponse,
  PairingMatrixResponse,
  PairingYearsResponse,
} from '../../../common/schemas/pairings';
import { api, checked } from '../../api/client';

export const pairingKeys = {
  all: ['pairings'] as const,
  years: ['pairings', 'years'] as const,
  list: (year: number) => ['pairings', 'list', year] as const,
  matrix: (year: number) => ['pairings', 'matrix', year] as const,
  history: ['pairings', 'history'] as const,
};

/** The pairing registry's writes, their bodies checked by the shared schemas before sending. */
export const pairingsApi = {
  create: (body: CreatePairingRequest) =>
    api.post('/api/v1/pairings', checked(CreatePairingRequest, body), PairingDto),
  end: (id: number, body: EndPairingRequest) =>
    api.post(`/api/v1/pairings/${id}/end`, checked(EndPairingRequest, body), PairingDto),
};

export function usePairingYears() {
  return useQuery({
    queryKey: pairingKeys.years,
    queryFn: () => api.get('/api/v1/pairings/years', PairingYearsResponse),
  });
}

export function usePairings(year: number | null) {
  return useQuery({
    queryKey: pairingKeys.list(year ?? 0),
    queryFn: () => api.get('/api/v1/pairings', PairingListResponse, { year }),
    enabled: year !== null,
  });
}

export function usePairingMatrix(year: number | null, enabled: boolean) {
  return useQuery({
    queryKey: pairingKeys.matrix(year ?? 0),
    queryFn: () => api.get('/api/v1/pairings/matrix', PairingMatrixResponse, { year }),
    enabled: enabled && year !== null,
  });
}

export function usePairingHistory(enabled: boolean) {
  return useQuery({
    queryKey: pairingKeys.history,
    queryFn: () => api.get('/api/v1/pairings/history', PairingHistoryResponse),
    enabled,
  });
}
