import { z } from 'zod';
import { ORGANISATION_KINDS } from '../organisations.js';
import { PERMISSIONS, ROLES } from '../roles.js';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** the 6-digit code of the user's authenticator app, when TOTP is enabled (else 401 TOTP_REQUIRED) */
  totp: z.string().trim().max(16).optional(),
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
  /** the user signs in with a TOTP second factor */
  totpEnabled: z.boolean(),
  /** an admin without TOTP while the policy requires it: until enrolled, only /auth/* self routes answer */
  mustEnrolTotp: z.boolean(),
});
export type MeUser = z.infer<typeof MeUser>;

export const SessionResponse = z.object({ user: MeUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** POST /auth/totp/setup: a new secret (pending until confirmed with a code) and its otpauth:// URI for a QR code. */
export const TotpSetupResponse = z.object({ secret: z.string(), uri: z.string() });
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpEnableRequest = z.object({ code: z.string().trim().min(1).max(16) });
export type TotpEnableRequest = z.infer<typeof TotpEnableRequest>;
