import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ConsultationSettingsResponse,
  FiguresResponse,
  type ItemFilter,
  ItemListResponse,
  ItemScreenResponse,
  MatterDto,
  type MatterKind,
  MatterListResponse,
} from '../../../common/schemas/consultations';
import { api } from '../../api/client';

export interface MatterFilter {
  year: number;
  kind?: MatterKind;
  departmentId?: number;
  counterpartId?: number;
  violation?: boolean;
}

export interface ItemFilterQuery {
  status?: ItemFilter;
  year?: number;
  matterId?: number;
  departmentId?: number;
  counterpartId?: number;
}

export const consultationKeys = {
  all: ['consultations'] as const,
  matters: (f: MatterFilter) => ['consultations', 'matters', f] as const,
  matter: (id: number) => ['consultations', 'matter', id] as const,
  items: (f: ItemFilterQuery) => ['consultations', 'items', f] as const,
  item: (id: number) => ['consultations', 'item', id] as const,
  figures: (year: number) => ['consultations', 'figures', year] as const,
  settings: ['consultations', 'settings'] as const,
};

export function useMatters(filter: MatterFilter) {
  return useQuery({
    queryKey: consultationKeys.matters(filter),
    queryFn: () =>
      api.get('/api/v1/consultations/matters', MatterListResponse, {
        year: filter.year,
        kind: filter.kind,
        departmentId: filter.departmentId,
        counterpartId: filter.counterpartId,
        violation: filter.violation ? '1' : undefined,
        limit: 500,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useMatter(id: number | null) {
  return useQuery({
    queryKey: consultationKeys.matter(id ?? 0),
    queryFn: () => api.get(`/api/v1/consultations/matters/${id}`, MatterDto),
    enabled: id !== null,
  });
}

export function useItems(filter: ItemFilterQuery, enabled = true) {
  return useQuery({
    queryKey: consultationKeys.items(filter),
    queryFn: () =>
      api.get('/api/v1/consultations/items', ItemListResponse, {
        status: filter.status,
        year: filter.year,
        matterId: filter.matterId,
        departmentId: filter.departmentId,
        counterpartId: filter.counterpartId,
        limit: 500,
      }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useItemScreen(id: number | null) {
  return useQuery({
    queryKey: consultationKeys.item(id ?? 0),
    queryFn: () => api.get(`/api/v1/consultations/items/${id}`, ItemScreenResponse),
    enabled: id !== null,
  });
}

export function useFigures(year: number) {
  return useQuery({
    queryKey: consultationKeys.figures(year),
    queryFn: () => api.get('/api/v1/consultations/figures', FiguresResponse, { year }),
  });
}

export function useConsultationSettings() {
  return useQuery({
    queryKey: consultationKeys.settings,
    queryFn: () => api.get('/api/v1/consultations/settings', ConsultationSettingsResponse),
  });
}

/** A mutation answering with a matter: cached, and the lists refreshed. */
export function useMatterMutation<V>(fn: (values: V) => Promise<MatterDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (matter) => {
      queryClient.setQueryData(consultationKeys.matter(matter.id), matter);
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'matters'] });
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'items'] });
    },
  });
}

/** A mutation answering with the item screen: cached, and lists, the matter and figures refreshed. */
export function useItemMutation<V>(fn: (values: V) => Promise<ItemScreenResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (screen) => {
      queryClient.setQueryData(consultationKeys.item(screen.item.id), screen);
      queryClient.setQueryData(consultationKeys.matter(screen.matter.id), screen.matter);
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'items'] });
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'matters'] });
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'figures'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export const consultationApi = {
  create: (body: unknown) => api.post('/api/v1/consultations/matters', body, MatterDto),
  update: (id: number, body: unknown) => api.patch(`/api/v1/consultations/matters/${id}`, body, MatterDto),
  schedule: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/matters/${id}/symposium`, body, MatterDto),
  hold: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/matters/${id}/symposium/held`, body, MatterDto),
  minutes: (id: number, body: unknown) =>
    api.put(`/api/v1/consultations/matters/${id}/minutes`, body, MatterDto),
  decide: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/matters/${id}/decision`, body, MatterDto),
  addItem: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/matters/${id}/items`, body, ItemScreenResponse),
  analyse: (id: number, body: unknown) =>
    api.put(`/api/v1/consultations/items/${id}/analysis`, body, ItemScreenResponse),
  reply: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/items/${id}/reply`, body, ItemScreenResponse),
  extension: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/items/${id}/extension`, body, ItemScreenResponse),
  grant: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/items/${id}/extension/grant`, body, ItemScreenResponse),
  refuse: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/items/${id}/extension/refuse`, body, ItemScreenResponse),
  verdict: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/items/${id}/verdict`, body, ItemScreenResponse),
  close: (id: number, body: unknown) =>
    api.post(`/api/v1/consultations/items/${id}/close`, body, ItemScreenResponse),
  saveSettings: (body: unknown) =>
    api.put('/api/v1/consultations/settings', body, ConsultationSettingsResponse),
};
