import { useQuery } from '@tanstack/react-query';
import { DashboardCellResponse, DashboardResponse } from '../../../common/schemas/dashboard';
import { api } from '../../api/client';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  board: (year: number) => ['dashboard', 'board', year] as const,
  cell: (path: string | null) => ['dashboard', 'cell', path] as const,
};

/** The year's matrix, the previous year kept on screen while another loads. */
export function useDashboard(year: number) {
  return useQuery({
    queryKey: dashboardKeys.board(year),
    queryFn: () => api.get('/api/v1/dashboard', DashboardResponse, { year }),
    placeholderData: (previous) => previous,
  });
}

/** The path of a cell the server gave (`/api/v1/dashboard/cell?…`), else null: nothing else is asked for. */
export function dashboardCellPath(path: string | null | undefined): string | null {
  return path?.startsWith('/api/v1/dashboard/cell?') ? path : null;
}

/** The records behind one cell, read from the path the board gave it (asked only if it is a cell path). */
export function useDashboardCell(path: string | null) {
  const safe = dashboardCellPath(path);
  return useQuery({
    queryKey: dashboardKeys.cell(safe),
    queryFn: () => api.get(safe ?? '', DashboardCellResponse),
    enabled: safe !== null,
  });
}
