import { z } from 'zod';
import { ORGANISATION_KINDS } from '../organisations.js';
import { PERMISSIONS, ROLES } from '../roles.js';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MeUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
  region: z.object({ id: z.number().int(), path: z.string() }),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
});
export type MeUser = z.infer<typeof MeUser>;

export const SessionResponse = z.object({ user: MeUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
