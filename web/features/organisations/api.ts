import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationKind } from '../../../common/organisations';
import {
  AddAliasRequest,
  CreateOrganisationRequest,
  CreateRegionRequest,
  OrganisationDto,
  OrganisationListResponse,
  RegionDto,
  RegionListResponse,
  UpdateOrganisationRequest,
  UpdateRegionRequest,
} from '../../../common/schemas/organisations';
import { api, checked } from '../../api/client';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  q: string;
}

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (f: OrganisationFilter) => ['organisations', 'list', f.kind ?? 'all', f.q] as const,
  /** active organisations for selects: of one kind, or 'all' */
  options: (kind: OrganisationKind | 'all') => ['organisations', 'options', kind] as const,
  regions: ['regions'] as const,
};

export function useRegions(enabled = true) {
  return useQuery({
    queryKey: organisationKeys.regions,
    queryFn: () => api.get('/api/v1/regions', RegionListResponse),
    enabled,
    staleTime: 60_000,
  });
}

/** Every active organisation, for the selects that place a user or resolve an imported name. */
export function useAllOrganisations(enabled = true) {
  return useQuery({
    queryKey: organisationKeys.options('all'),
    queryFn: () => api.get('/api/v1/organisations', OrganisationListResponse),
    enabled,
    staleTime: 60_000,
  });
}

/** Active organisations of one kind as select options (the pairing forms). */
export function useOrganisationOptions(kind: OrganisationKind, enabled = true) {
  return useQuery({
    queryKey: organisationKeys.options(kind),
    queryFn: () => api.get('/api/v1/organisations', OrganisationListResponse, { kind }),
    enabled,
    staleTime: 60_000,
    select: (data) => data.items.map((o) => ({ value: o.id, label: o.name })),
  });
}

/** The organisations page's list: active and inactive, filtered by kind and name. */
export function useOrganisations(filter: OrganisationFilter) {
  return useQuery({
    queryKey: organisationKeys.list(filter),
    queryFn: () =>
      api.get('/api/v1/organisations', OrganisationListResponse, {
        kind: filter.kind,
        q: filter.q,
        active: 'all',
      }),
    placeholderData: (previous) => previous,
  });
}

/** Every write on organisations and regions; each body is its shared request type, checked before sending. */
export const organisationApi = {
  create: async (body: CreateOrganisationRequest) =>
    api.post('/api/v1/organisations', checked(CreateOrganisationRequest, body), OrganisationDto),
  update: async (id: number, body: UpdateOrganisationRequest) =>
    api.patch(`/api/v1/organisations/${id}`, checked(UpdateOrganisationRequest, body), OrganisationDto),
  addAlias: async (id: number, body: AddAliasRequest) =>
    api.post(`/api/v1/organisations/${id}/aliases`, checked(AddAliasRequest, body), OrganisationDto),
  removeAlias: (id: number, aliasId: number) => api.delete(`/api/v1/organisations/${id}/aliases/${aliasId}`),
  createRegion: async (body: CreateRegionRequest) =>
    api.post('/api/v1/regions', checked(CreateRegionRequest, body), RegionDto),
  renameRegion: async (id: number, body: UpdateRegionRequest) =>
    api.patch(`/api/v1/regions/${id}`, checked(UpdateRegionRequest, body), RegionDto),
};

/** A change after which the queries under `queryKey` refresh. */
function useRefreshingMutation<V, R>(queryKey: readonly unknown[], fn: (values: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey }),
  });
}

/** A change to organisations: every organisation list and select refreshes. */
export function useOrganisationMutation<V, R>(fn: (values: V) => Promise<R>) {
  return useRefreshingMutation(organisationKeys.all, fn);
}

/** A change to regions: the region tree refreshes. */
export function useRegionMutation<V, R>(fn: (values: V) => Promise<R>) {
  return useRefreshingMutation(organisationKeys.regions, fn);
}
