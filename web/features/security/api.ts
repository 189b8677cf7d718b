import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SecurityPolicyInput, SecurityPolicySchema } from '../../../common/security-policy';
import { api, checked } from '../../api/client';

export const securityKeys = {
  policy: ['settings', 'security'] as const,
};

export function useSecurityPolicy() {
  return useQuery({
    queryKey: securityKeys.policy,
    queryFn: () => api.get('/api/v1/settings/security', SecurityPolicySchema),
  });
}

/** The page's one write; its body is the shared policy schema, checked before it is sent. */
export const securityApi = {
  save: async (body: SecurityPolicyInput) =>
    api.put('/api/v1/settings/security', checked(SecurityPolicySchema, body), SecurityPolicySchema),
};

/** Saves the policy; the answer becomes the cached policy. */
export function useSaveSecurityPolicy(onSaved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecurityPolicyInput) => securityApi.save(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(securityKeys.policy, saved);
      onSaved();
    },
  });
}
