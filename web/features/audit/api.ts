import { useQuery } from '@tanstack/react-query';
import {
  type AccessLogEntryDto,
  AccessLogResponse,
  type AuditListQuery,
  AuditListResponse,
} from '../../../common/schemas/audit';
import { api } from '../../api/client';

/** The audit trail's filters, the page and its size apart. */
export type AuditFilters = Omit<AuditListQuery, 'page' | 'pageSize'>;
export type AccessLogKind = AccessLogEntryDto['kind'];

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters, page: number, pageSize: number) =>
    ['audit', 'list', filters, page, pageSize] as const,
  accessLog: (kind: AccessLogKind | 'all', page: number) => ['audit', 'access-log', kind, page] as const,
};

/** One page of the audit trail, the previous page kept on screen while the next loads. */
export function useAuditList(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => api.get('/api/v1/audit', AuditListResponse, { ...filters, page, pageSize }),
    placeholderData: (previous) => previous,
  });
}

/** One page (50 rows) of the refusals and reveals, or of one kind of them. */
export function useAccessLog(kind: AccessLogKind | 'all', page: number) {
  return useQuery({
    queryKey: auditKeys.accessLog(kind, page),
    queryFn: () =>
      api.get('/api/v1/access-log', AccessLogResponse, {
        ...(kind === 'all' ? {} : { kind }),
        page,
        pageSize: 50,
      }),
    placeholderData: (previous) => previous,
  });
}
