import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../common/roles';
import {
  CreateUserRequest,
  UpdateUserRequest,
  UserActivationResponse,
  UserDto,
  UserListResponse,
} from '../../../common/schemas/users';
import { api, checked } from '../../api/client';

export const userKeys = {
  all: ['users'] as const,
  list: (role: Role | undefined, q: string) => ['users', 'list', role ?? 'all', q] as const,
};

/** The accounts of one role (or all) matching a search; the previous list kept while the next loads. */
export function useUsers(role: Role | undefined, q: string) {
  return useQuery({
    queryKey: userKeys.list(role, q),
    queryFn: () => api.get('/api/v1/users', UserListResponse, { role, q }),
    placeholderData: (previous) => previous,
  });
}

const userPath = (id: number) => `/api/v1/users/${id}`;

/** Every write on accounts; a body is its shared request type, checked before it is sent. */
export const userApi = {
  create: async (body: CreateUserRequest) =>
    api.post('/api/v1/users', checked(CreateUserRequest, body), UserActivationResponse),
  update: async (id: number, body: UpdateUserRequest) =>
    api.patch(userPath(id), checked(UpdateUserRequest, body), UserDto),
  resetPassword: (id: number) => api.post(`${userPath(id)}/reset-password`, {}, UserActivationResponse),
  resetTotp: (id: number) => api.post(`${userPath(id)}/reset-totp`, {}, UserDto),
  endSessions: (id: number) => api.postIgnoringBody(`${userPath(id)}/end-sessions`),
};
