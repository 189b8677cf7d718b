import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AcknowledgeChangeReportRequest,
  ChangeReportDto,
  ChangeReportListResponse,
  type PersonRole,
  RevealRequest,
  RosterDetailResponse,
  RosterListResponse,
  UpdateRosterPersonRequest,
} from '../../../common/schemas/roster';
import { api, checked } from '../../api/client';

export const rosterKeys = {
  all: ['roster'] as const,
  list: (date: string | undefined, kind: string | undefined) =>
    ['roster', 'list', date ?? '', kind ?? ''] as const,
  detail: (organisationId: number, date: string | undefined) =>
    ['roster', 'detail', organisationId, date ?? ''] as const,
  reports: (status: string | undefined) => ['roster', 'change-reports', status ?? ''] as const,
};

export function useRosterList(
  date: string | undefined,
  kind: 'department' | 'counterpart' | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: rosterKeys.list(date, kind),
    queryFn: () => api.get('/api/v1/roster', RosterListResponse, { date, kind }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useRosterDetail(organisationId: number | null, date: string | undefined) {
  return useQuery({
    queryKey: rosterKeys.detail(organisationId ?? 0, date),
    queryFn: () => api.get(`/api/v1/roster/${organisationId}`, RosterDetailResponse, { date }),
    enabled: organisationId !== null,
    placeholderData: (previous) => previous,
  });
}

export function useChangeReports(status: 'reported' | 'acknowledged' | undefined, enabled: boolean) {
  return useQuery({
    queryKey: rosterKeys.reports(status),
    queryFn: () => api.get('/api/v1/change-reports', ChangeReportListResponse, { status }),
    enabled,
  });
}

export const rosterApi = {
  update: async (organisationId: number, role: PersonRole, body: UpdateRosterPersonRequest) =>
    api.put(
      `/api/v1/roster/${organisationId}/${role}`,
      checked(UpdateRosterPersonRequest, body),
      RosterDetailResponse,
    ),
  reveal: async (organisationId: number, reason: string, date?: string) =>
    api.post(
      `/api/v1/roster/${organisationId}/reveal`,
      checked(RevealRequest, { reason, date }),
      RosterDetailResponse,
    ),
  acknowledge: async (id: number, note: string | null) =>
    api.post(
      `/api/v1/change-reports/${id}/acknowledge`,
      checked(AcknowledgeChangeReportRequest, { note }),
      ChangeReportDto,
    ),
};

export function useRosterMutation<V, R>(fn: (values: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rosterKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['filings'] });
    },
  });
}
