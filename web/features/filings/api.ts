import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateFilingRoundRequest,
  FileFilingRequest,
  FilingBoardResponse,
  FilingDto,
  FilingRoundDto,
  FilingRoundListResponse,
  RemindResponse,
  ReturnFilingRequest,
  SaveFilingRequest,
  UpdateFilingRoundRequest,
} from '../../../common/schemas/filings';
import { RevealRequest } from '../../../common/schemas/roster';
import { api, checked } from '../../api/client';
import { notificationKeys } from '../notifications/api';

export const filingKeys = {
  all: ['filings'] as const,
  rounds: ['filings', 'rounds'] as const,
  boards: ['filings', 'board'] as const,
  board: (roundId: number) => ['filings', 'board', roundId] as const,
  filing: (roundId: number, organisationId: number) =>
    ['filings', 'filing', roundId, organisationId] as const,
};

export function useRounds() {
  return useQuery({
    queryKey: filingKeys.rounds,
    queryFn: () => api.get('/api/v1/filing-rounds', FilingRoundListResponse),
  });
}

export function useBoard(roundId: number | null) {
  return useQuery({
    queryKey: filingKeys.board(roundId ?? 0),
    queryFn: () => api.get(`/api/v1/filing-rounds/${roundId}/board`, FilingBoardResponse),
    enabled: roundId !== null,
  });
}

export function useFiling(roundId: number | null, organisationId: number | null) {
  return useQuery({
    queryKey: filingKeys.filing(roundId ?? 0, organisationId ?? 0),
    queryFn: () => api.get(`/api/v1/filing-rounds/${roundId}/filings/${organisationId}`, FilingDto),
    enabled: roundId !== null && organisationId !== null,
  });
}

const filingPath = (roundId: number, organisationId: number) =>
  `/api/v1/filing-rounds/${roundId}/filings/${organisationId}`;

export const filingApi = {
  createRound: async (body: CreateFilingRoundRequest) =>
    api.post('/api/v1/filing-rounds', checked(CreateFilingRoundRequest, body), FilingRoundDto),
  updateRound: async (roundId: number, body: UpdateFilingRoundRequest) =>
    api.patch(`/api/v1/filing-rounds/${roundId}`, checked(UpdateFilingRoundRequest, body), FilingRoundDto),
  closeRound: (roundId: number) => api.post(`/api/v1/filing-rounds/${roundId}/close`, {}, FilingRoundDto),
  remind: (roundId: number) => api.post(`/api/v1/filing-rounds/${roundId}/remind`, {}, RemindResponse),
  save: async (roundId: number, organisationId: number, body: SaveFilingRequest) =>
    api.put(filingPath(roundId, organisationId), checked(SaveFilingRequest, body), FilingDto),
  submit: async (roundId: number, organisationId: number, body: SaveFilingRequest) =>
    api.post(`${filingPath(roundId, organisationId)}/submit`, checked(SaveFilingRequest, body), FilingDto),
  returnFiling: async (roundId: number, organisationId: number, reason: string) =>
    api.post(
      `${filingPath(roundId, organisationId)}/return`,
      checked(ReturnFilingRequest, { reason }),
      FilingDto,
    ),
  file: async (roundId: number, organisationId: number, note: string | null) =>
    api.post(`${filingPath(roundId, organisationId)}/file`, checked(FileFilingRequest, { note }), FilingDto),
  reveal: async (roundId: number, organisationId: number, reason: string) =>
    api.post(`${filingPath(roundId, organisationId)}/reveal`, checked(RevealRequest, { reason }), FilingDto),
};

/** A change to a round or a form: the answer (a form) replaces the cached one; rounds and boards refresh. */
export function useFilingMutation<V, R>(fn: (values: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      const parsed = FilingDto.safeParse(result);
      if (parsed.success && parsed.data.id !== null) {
        queryClient.setQueryData(
          filingKeys.filing(parsed.data.round.id, parsed.data.organisation.id),
          parsed.data,
        );
      }
      void queryClient.invalidateQueries({ queryKey: filingKeys.rounds });
      void queryClient.invalidateQueries({ queryKey: filingKeys.boards });
      void queryClient.invalidateQueries({ queryKey: ['roster'] });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
