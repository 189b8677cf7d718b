import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AdoptionRequest,
  AttendanceRequest,
  CreateLedgerRecordRequest,
  type LedgerKind,
  LedgerListResponse,
  LedgerRecordDto,
  LedgerSummaryResponse,
  MinutesRequest,
  ReceiptRequest,
  ReplyRequest,
  UpdateLedgerRecordRequest,
} from '../../../common/schemas/ledger';
import { PairingListResponse } from '../../../common/schemas/pairings';
import type { Ref } from '../../../common/schemas/shared';
import { api, checked } from '../../api/client';
import { calendarKeys } from '../calendar/api';
import { pairingKeys } from '../pairings/api';
import { planKeys } from '../plans/api';

export interface LedgerFilter {
  year: number;
  kind?: LedgerKind;
  departmentId?: number;
  counterpartId?: number;
  q?: string;
}

export const ledgerKeys = {
  all: ['ledger'] as const,
  lists: ['ledger', 'list'] as const,
  summaries: ['ledger', 'summary'] as const,
  list: (filter: LedgerFilter) => ['ledger', 'list', filter] as const,
  summary: (year: number) => ['ledger', 'summary', year] as const,
  record: (id: number) => ['ledger', 'record', id] as const,
};

/** One year's records matching the filter, newest first (the server's default order). */
export function useLedger(filter: LedgerFilter | null) {
  return useQuery({
    queryKey: ledgerKeys.list(filter ?? { year: 0 }),
    queryFn: () =>
      api.get('/api/v1/ledger', LedgerListResponse, {
        year: filter?.year,
        kind: filter?.kind,
        departmentId: filter?.departmentId,
        counterpartId: filter?.counterpartId,
        q: filter?.q,
        limit: 1000,
      }),
    enabled: filter !== null,
    placeholderData: (previous) => previous,
  });
}

export function useLedgerSummary(year: number, enabled: boolean) {
  return useQuery({
    queryKey: ledgerKeys.summary(year),
    queryFn: () => api.get('/api/v1/ledger/summary', LedgerSummaryResponse, { year }),
    enabled,
  });
}

export function useLedgerRecord(id: number | null) {
  return useQuery({
    queryKey: ledgerKeys.record(id ?? 0),
    queryFn: () => api.get(`/api/v1/ledger/${id}`, LedgerRecordDto),
    enabled: id !== null,
  });
}

/** The pairs in force in a year that the user sees (its own, or the region's): departments and counterparts. */
export function usePairsOfYear(year: number | null, enabled = true) {
  return useQuery({
    queryKey: pairingKeys.list(year ?? 0),
    queryFn: () => api.get('/api/v1/pairings', PairingListResponse, { year }),
    enabled: enabled && year !== null,
    staleTime: 60_000,
    select: (data) => {
      const departments = new Map<number, Ref>();
      const counterparts = new Map<number, Ref>();
      for (const p of data.items) {
        departments.set(p.department.id, p.department);
        counterparts.set(p.counterpart.id, p.counterpart);
      }
      return {
        pairs: data.items.map((p) => ({ department: p.department, counterpart: p.counterpart })),
        departments: [...departments.values()],
        counterparts: [...counterparts.values()],
      };
    },
  });
}

/**
 * A mutation on one record that answers with the record: the answer replaces the cached record and the
 * lists, summary, plans and calendar are refreshed.
 */
export function useRecordMutation<V>(fn: (values: V) => Promise<LedgerRecordDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (record) => {
      queryClient.setQueryData(ledgerKeys.record(record.id), record);
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.summaries });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });
}

/** Every write on a record; each body is its shared request type, checked before it is sent. */
export const ledgerApi = {
  create: async (body: CreateLedgerRecordRequest) =>
    api.post('/api/v1/ledger', checked(CreateLedgerRecordRequest, body), LedgerRecordDto),
  update: async (id: number, body: UpdateLedgerRecordRequest) =>
    api.patch(`/api/v1/ledger/${id}`, checked(UpdateLedgerRecordRequest, body), LedgerRecordDto),
  reply: async (id: number, body: ReplyRequest) =>
    api.post(`/api/v1/ledger/${id}/reply`, checked(ReplyRequest, body), LedgerRecordDto),
  attendance: async (id: number, body: AttendanceRequest) =>
    api.post(`/api/v1/ledger/${id}/attendance`, checked(AttendanceRequest, body), LedgerRecordDto),
  receipt: async (id: number, body: ReceiptRequest) =>
    api.post(`/api/v1/ledger/${id}/receipt`, checked(ReceiptRequest, body), LedgerRecordDto),
  adoption: async (id: number, body: AdoptionRequest) =>
    api.post(`/api/v1/ledger/${id}/adoption`, checked(AdoptionRequest, body), LedgerRecordDto),
  minutes: async (id: number, body: MinutesRequest) =>
    api.post(`/api/v1/ledger/${id}/minutes`, checked(MinutesRequest, body), LedgerRecordDto),
  takeUp: (id: number) => api.post(`/api/v1/ledger/${id}/take-up`, {}, LedgerRecordDto),
};
