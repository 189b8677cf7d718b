import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AnalysisRequest,
  BulkUrgeRequest,
  BulkUrgeResponse,
  CloseItemRequest,
  ConsultationSettings,
  ConsultationSettingsResponse,
  CreateItemRequest,
  CreateMatterRequest,
  DecisionRequest,
  ExtensionRequest,
  FiguresResponse,
  GrantExtensionRequest,
  HoldSymposiumRequest,
  type ItemFilter,
  ItemListResponse,
  ItemScreenResponse,
  MatterDto,
  type MatterKind,
  MatterListResponse,
  MinutesRequest,
  RefuseExtensionRequest,
  ReplyRequest,
  ScheduleSymposiumRequest,
  UpdateMatterRequest,
  UrgeRequest,
  VerdictRequest,
} from '../../../common/schemas/consultations';
import { api, checked } from '../../api/client';
import { notificationKeys } from '../notifications/api';

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
  allMatters: ['consultations', 'matters'] as const,
  allItems: ['consultations', 'items'] as const,
  allFigures: ['consultations', 'figures'] as const,
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
      void queryClient.invalidateQueries({ queryKey: consultationKeys.allMatters });
      void queryClient.invalidateQueries({ queryKey: consultationKeys.allItems });
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
      void queryClient.invalidateQueries({ queryKey: consultationKeys.allItems });
      void queryClient.invalidateQueries({ queryKey: consultationKeys.allMatters });
      void queryClient.invalidateQueries({ queryKey: consultationKeys.allFigures });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

/** 批量督办: every list and count the presses touch is read again. */
export function useUrgeMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkUrgeRequest) => consultationApi.urgeMany(body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consultationKeys.allItems });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

const matterPath = (id: number) => `/api/v1/consultations/matters/${id}`;
const itemPath = (id: number) => `/api/v1/consultations/items/${id}`;

/** Every write of the wing; each body is its shared request type, checked before it is sent. */
export const consultationApi = {
  create: async (body: CreateMatterRequest) =>
    api.post('/api/v1/consultations/matters', checked(CreateMatterRequest, body), MatterDto),
  update: async (id: number, body: UpdateMatterRequest) =>
    api.patch(matterPath(id), checked(UpdateMatterRequest, body), MatterDto),
  schedule: async (id: number, body: ScheduleSymposiumRequest) =>
    api.post(`${matterPath(id)}/symposium`, checked(ScheduleSymposiumRequest, body), MatterDto),
  hold: async (id: number, body: HoldSymposiumRequest) =>
    api.post(`${matterPath(id)}/symposium/held`, checked(HoldSymposiumRequest, body), MatterDto),
  minutes: async (id: number, body: MinutesRequest) =>
    api.put(`${matterPath(id)}/minutes`, checked(MinutesRequest, body), MatterDto),
  decide: async (id: number, body: DecisionRequest) =>
    api.post(`${matterPath(id)}/decision`, checked(DecisionRequest, body), MatterDto),
  addItem: async (id: number, body: CreateItemRequest) =>
    api.post(`${matterPath(id)}/items`, checked(CreateItemRequest, body), ItemScreenResponse),
  analyse: async (id: number, body: AnalysisRequest) =>
    api.put(`${itemPath(id)}/analysis`, checked(AnalysisRequest, body), ItemScreenResponse),
  reply: async (id: number, body: ReplyRequest) =>
    api.post(`${itemPath(id)}/reply`, checked(ReplyRequest, body), ItemScreenResponse),
  extension: async (id: number, body: ExtensionRequest) =>
    api.post(`${itemPath(id)}/extension`, checked(ExtensionRequest, body), ItemScreenResponse),
  grant: async (id: number, body: GrantExtensionRequest) =>
    api.post(`${itemPath(id)}/extension/grant`, checked(GrantExtensionRequest, body), ItemScreenResponse),
  refuse: async (id: number, body: RefuseExtensionRequest) =>
    api.post(`${itemPath(id)}/extension/refuse`, checked(RefuseExtensionRequest, body), ItemScreenResponse),
  verdict: async (id: number, body: VerdictRequest) =>
    api.post(`${itemPath(id)}/verdict`, checked(VerdictRequest, body), ItemScreenResponse),
  close: async (id: number, body: CloseItemRequest) =>
    api.post(`${itemPath(id)}/close`, checked(CloseItemRequest, body), ItemScreenResponse),
  urge: async (id: number, body: UrgeRequest) =>
    api.post(`${itemPath(id)}/urge`, checked(UrgeRequest, body), ItemScreenResponse),
  urgeMany: async (body: BulkUrgeRequest) =>
    api.post('/api/v1/consultations/items/urge', checked(BulkUrgeRequest, body), BulkUrgeResponse),
  saveSettings: async (body: ConsultationSettings) =>
    api.put(
      '/api/v1/consultations/settings',
      checked(ConsultationSettings, body),
      ConsultationSettingsResponse,
    ),
};
