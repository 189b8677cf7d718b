import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ChangeReportDto,
  ChangeReportListResponse,
  type PersonRole,
  RevealRequest,
  RosterDetailResponse,
  RosterListResponse,
  UpdateRosterPersonRequest,
} from '../../../common/schemas/roster';
import { api } from '../../api/client';

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
  update: (organisationId: number, role: PersonRole, body: UpdateRosterPersonRequest) =>
    api.put(
      `/api/v1/roster/${organisationId}/${role}`,
      UpdateRosterPersonRequest.parse(body),
      RosterDetailResponse,
    ),
  reveal: (organisationId: number, reason: string, date?: string) =>
    api.post(
      `/api/v1/roster/${organisationId}/reveal`,
      RevealRequest.parse({ reason, date }),
      RosterDetailResponse,
    ),
  acknowledge: (id: number, note: string | null) =>
    api.post(`/api/v1/change-reports/${id}/acknowledge`, { note }, ChangeReportDto),
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
