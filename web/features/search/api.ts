import { useQuery } from '@tanstack/react-query';
import { SEARCH_MIN_CHARS, SearchResponse } from '../../../common/schemas/search';
import { api } from '../../api/client';

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string) => ['search', q] as const,
};

/** Whether a (trimmed) query is long enough to be asked for. */
export const searchable = (q: string) => [...q].length >= SEARCH_MIN_CHARS;

/** The first 100 hits for a query; nothing is asked for a query shorter than SEARCH_MIN_CHARS. */
export function useSearch(q: string) {
  return useQuery({
    queryKey: searchKeys.query(q),
    queryFn: () => api.get('/api/v1/search', SearchResponse, { q, limit: 100 }),
    enabled: searchable(q),
  });
}
