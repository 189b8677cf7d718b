import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreatePlanRequest,
  PlanDto,
  PlanItemInput,
  PlanListResponse,
  UpdatePlanItemRequest,
} from '../../../common/schemas/plans';
import { api, checked } from '../../api/client';
import { calendarKeys } from '../calendar/api';

export const planKeys = {
  all: ['plans'] as const,
  list: (year: number, departmentId?: number) => ['plans', 'list', year, departmentId ?? 0] as const,
};

/** The plans of a year the user sees: its own department's, its departments' (a counterpart), or all. */
export function usePlans(year: number | null, departmentId?: number, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(year ?? 0, departmentId),
    queryFn: () => api.get('/api/v1/plans', PlanListResponse, { year, departmentId }),
    enabled: enabled && year !== null,
  });
}

/** Any plan change answers with the whole plan; the lists (and the ledger's plan links) refresh. */
export function usePlanMutation<V, R = PlanDto>(fn: (values: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });
}

/** Every write on plans; each body is its shared request type, checked before it is sent. */
export const planApi = {
  create: async (body: CreatePlanRequest) =>
    api.post('/api/v1/plans', checked(CreatePlanRequest, body), PlanDto),
  addItem: async (planId: number, body: PlanItemInput) =>
    api.post(`/api/v1/plans/${planId}/items`, checked(PlanItemInput, body), PlanDto),
  updateItem: async (planId: number, itemId: number, body: UpdatePlanItemRequest) =>
    api.patch(`/api/v1/plans/${planId}/items/${itemId}`, checked(UpdatePlanItemRequest, body), PlanDto),
  deleteItem: async (planId: number, itemId: number) => {
    // DELETE answers with the plan; the client's delete() ignores bodies, the list refetches.
    await api.delete(`/api/v1/plans/${planId}/items/${itemId}`);
  },
};
