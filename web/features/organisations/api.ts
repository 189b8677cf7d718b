import { useQuery } from '@tanstack/react-query';
import { OrganisationListResponse, RegionListResponse } from '../../../common/schemas/organisations';
import { api } from '../../api/client';

export function useRegions(enabled = true) {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get('/api/v1/regions', RegionListResponse),
    enabled,
    staleTime: 60_000,
  });
}

/** Every active organisation, for the selects that place a user or resolve an imported name. */
export function useAllOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['organisations', 'options', 'all'],
    queryFn: () => api.get('/api/v1/organisations', OrganisationListResponse),
    enabled,
    staleTime: 60_000,
  });
}
