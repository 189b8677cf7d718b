import { useQuery } from '@tanstack/react-query';
import type {
  ChangePasswordRequest,
  LoginRequest,
  SessionResponse,
  TotpEnableRequest,
} from '../../common/schemas/auth';
import { ApiError, api, type Parser, setCsrfToken } from './client';

export const SESSION_KEY = ['session'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The session answer checked by hand: this module is on the login page, which must stay small, so it
 * does not pull zod in; the shape is common/schemas/auth.ts SessionResponse.
 */
const SessionShape: Parser<SessionResponse> = {
  parse(input) {
    if (
      isRecord(input) &&
      typeof input.csrfToken === 'string' &&
      isRecord(input.user) &&
      typeof input.user.id === 'number' &&
      typeof input.user.username === 'string' &&
      typeof input.user.displayName === 'string' &&
      typeof input.user.role === 'string' &&
      typeof input.user.mustChangePassword === 'boolean' &&
      Array.isArray(input.user.permissions) &&
      isRecord(input.user.organisation) &&
      typeof input.user.organisation.name === 'string'
    ) {
      return input as SessionResponse;
    }
    throw new Error('not a SessionResponse');
  },
};

/** The signed-in user and the CSRF token, or null when nobody is signed in. */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get('/api/v1/auth/me', SessionShape);
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
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

export async function login(body: LoginRequest): Promise<SessionResponse> {
  const session = await api.post('/api/v1/auth/login', body, SessionShape);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function changePassword(body: ChangePasswordRequest): Promise<SessionResponse> {
  const session = await api.post('/api/v1/auth/password', body, SessionShape);
  setCsrfToken(session.csrfToken);
  return session;
}

/** Confirm TOTP enrolment with the first code; answers the session, now with TOTP on. */
export async function enableTotp(body: TotpEnableRequest): Promise<SessionResponse> {
  const session = await api.post('/api/v1/auth/totp/enable', body, SessionShape);
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
