import { useQuery } from '@tanstack/react-query';
import { type ChangePasswordRequest, type LoginRequest, SessionResponse } from '../../common/schemas/auth';
import { ApiError, api, setCsrfToken } from './client';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user and the CSRF token, or null when nobody is signed in. */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get('/api/v1/auth/me', SessionResponse);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

export async function login(body: LoginRequest): Promise<SessionResponse> {
  const session = await api.post('/api/v1/auth/login', body, SessionResponse);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function changePassword(body: ChangePasswordRequest): Promise<SessionResponse> {
  const session = await api.post('/api/v1/auth/password', body, SessionResponse);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.postIgnoringBody('/api/v1/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}
