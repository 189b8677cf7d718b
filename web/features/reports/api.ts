import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ReportDto,
  ReportRemindResponse,
  ReportStatusItem,
  ReportStatusResponse,
  ReportVersionDto,
} from '../../../common/schemas/reports';
import { api } from '../../api/client';

const ReportListResponse = z.object({
  year: z.number().int(),
  today: z.string(),
  items: z.array(ReportStatusItem),
});

export const reportKeys = {
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
    queryKey: ['reports', 'version', departmentId, year, version],
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
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export const reportApi = {
  save: (d: number, y: number, body: unknown) => api.put(`/api/v1/reports/${d}/${y}`, body, ReportDto),
  submit: (d: number, y: number, body: unknown) =>
    api.post(`/api/v1/reports/${d}/${y}/submit`, body, ReportDto),
  ret: (d: number, y: number, comment: string) =>
    api.post(`/api/v1/reports/${d}/${y}/return`, { comment }, ReportDto),
  accept: (d: number, y: number, comment: string | null) =>
    api.post(`/api/v1/reports/${d}/${y}/accept`, { comment }, ReportDto),
  comment: (d: number, y: number, body: unknown) =>
    api.post(`/api/v1/reports/${d}/${y}/comments`, body, ReportDto),
  remind: (year: number) => api.post(`/api/v1/reports/remind?year=${year}`, {}, ReportRemindResponse),
};
