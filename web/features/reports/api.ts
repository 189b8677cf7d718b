import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AcceptReportRequest,
  CommentReportRequest,
  EvaluationDto,
  EvaluationListResponse,
  EvaluationRequest,
  ReportDto,
  ReportRemindResponse,
  ReportRoundDto,
  ReportStatusItem,
  ReportStatusResponse,
  ReportVersionDto,
  ReturnReportRequest,
  SaveReportRequest,
  SetReportRoundRequest,
  SubmitReportRequest,
} from '../../../common/schemas/reports';
import { api, checked, withQuery } from '../../api/client';
import { notificationKeys } from '../notifications/api';

const ReportListResponse = z.object({
  year: z.number().int(),
  today: z.string(),
  items: z.array(ReportStatusItem),
});

export const reportKeys = {
  all: ['reports'] as const,
  lists: ['reports', 'list'] as const,
  round: (year: number) => ['report-round', year] as const,
  evaluations: (year: number) => ['evaluations', year] as const,
  version: (departmentId: number, year: number, version: number | null) =>
    ['reports', 'version', departmentId, year, version] as const,
  one: (departmentId: number, year: number) => ['reports', 'one', departmentId, year] as const,
  list: (year: number, review: boolean) => ['reports', 'list', year, review] as const,
};

/** 统战部 gets the status board (with counts); everyone else the reports it may read. */
export function useReportList(year: number, review: boolean) {
  return useQuery({
    queryKey: reportKeys.list(year, review),
    queryFn: async () =>
      review
        ? api.get('/api/v1/reports/status', ReportStatusResponse, { year })
        : { ...(await api.get('/api/v1/reports', ReportListResponse, { year })), counts: null },
  });
}

export function useReport(departmentId: number, year: number) {
  return useQuery({
    queryKey: reportKeys.one(departmentId, year),
    queryFn: () => api.get(`/api/v1/reports/${departmentId}/${year}`, ReportDto),
  });
}

export function useReportVersion(departmentId: number, year: number, version: number | null) {
  return useQuery({
    queryKey: reportKeys.version(departmentId, year, version),
    queryFn: () => api.get(`/api/v1/reports/${departmentId}/${year}/versions/${version}`, ReportVersionDto),
    enabled: version !== null,
  });
}

export function useReportMutation<V>(fn: (values: V) => Promise<ReportDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.one(report.department.id, report.year), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.lists });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

const reportPath = (d: number, y: number) => `/api/v1/reports/${d}/${y}`;

/** Every write on reports; each body is its shared request type, checked before it is sent. */
export const reportApi = {
  save: async (d: number, y: number, body: SaveReportRequest) =>
    api.put(reportPath(d, y), checked(SaveReportRequest, body), ReportDto),
  submit: async (d: number, y: number, body: SubmitReportRequest) =>
    api.post(`${reportPath(d, y)}/submit`, checked(SubmitReportRequest, body), ReportDto),
  ret: async (d: number, y: number, comment: string) =>
    api.post(`${reportPath(d, y)}/return`, checked(ReturnReportRequest, { comment }), ReportDto),
  accept: async (d: number, y: number, comment: string | null) =>
    api.post(`${reportPath(d, y)}/accept`, checked(AcceptReportRequest, { comment }), ReportDto),
  comment: async (d: number, y: number, body: CommentReportRequest) =>
    api.post(`${reportPath(d, y)}/comments`, checked(CommentReportRequest, body), ReportDto),
  remind: (year: number) => api.post(withQuery('/api/v1/reports/remind', { year }), {}, ReportRemindResponse),
  setDeadline: async (year: number, deadline: string) =>
    api.put(`/api/v1/report-rounds/${year}`, checked(SetReportRoundRequest, { deadline }), ReportRoundDto),
  evaluate: async (body: EvaluationRequest) =>
    api.put('/api/v1/evaluations', checked(EvaluationRequest, body), EvaluationDto),
};

export function useReportRound(year: number) {
  return useQuery({
    queryKey: reportKeys.round(year),
    queryFn: () => api.get(`/api/v1/report-rounds/${year}`, ReportRoundDto),
  });
}

export function useEvaluations(year: number) {
  return useQuery({
    queryKey: reportKeys.evaluations(year),
    queryFn: () => api.get('/api/v1/evaluations', EvaluationListResponse, { year }),
  });
}
