import { useQuery } from '@tanstack/react-query';
import { MarkWorkSeenRequest, MyWorkResponse } from '../../../common/schemas/digest';
import { api, checked } from '../../api/client';

export const myWorkKeys = {
  all: ['my-work'] as const,
};

/**
 * 我的工作, fetched once per page view (never again on focus, not kept after the page): the page marks the
 * visit with the answer's generatedAt, so a second read would move "since the last visit".
 */
export function useMyWork() {
  return useQuery({
    queryKey: myWorkKeys.all,
    queryFn: () => api.get('/api/v1/my-work', MyWorkResponse),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    gcTime: 0,
  });
}

/** The page's one write; its body is the shared request type, checked before it is sent. */
export const myWorkApi = {
  markSeen: async (body: MarkWorkSeenRequest) =>
    api.postIgnoringBody('/api/v1/my-work/seen', checked(MarkWorkSeenRequest, body)),
};
