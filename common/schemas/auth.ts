import { z } from 'zod';
import { ORGANISATION_KINDS } from '../organisations.js';
import { PERMISSIONS, ROLES } from '../roles.js';

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    /** the 6-digit code of the user's authenticator app, when TOTP is enabled (else 401 TOTP_REQUIRED) */
    totp: z.string().trim().max(16).optional(),
  })
  .meta({
    id: 'LoginRequest',
    description:
      '登录请求：用户名、密码，已启用动态口令时另附6位验证码 · Sign-in: username and password, plus the 6-digit TOTP code once the user has enabled TOTP',
  });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MeUser = z
  .object({
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
  })
  .meta({
    id: 'MeUser',
    description:
      '当前登录用户：角色、所属单位、区域、权限及是否须改密码或启用动态口令 · The signed-in user: role, organisation, region, permissions, and whether they must change their password or enrol TOTP',
  });
export type MeUser = z.infer<typeof MeUser>;

export const SessionResponse = z.object({ user: MeUser, csrfToken: z.string() }).meta({
  id: 'SessionResponse',
  description:
    '当前会话：登录用户及CSRF令牌 · The current session: the signed-in user and the CSRF token to send in the x-csrf-token header',
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(8).max(256),
  })
  .meta({
    id: 'ChangePasswordRequest',
    description:
      '修改本人密码：原密码和新密码（至少8位） · Changes one’s own password: the current one and a new one of at least 8 characters',
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** POST /auth/totp/setup: a new secret (pending until confirmed with a code) and its otpauth:// URI for a QR code. */
export const TotpSetupResponse = z.object({ secret: z.string(), uri: z.string() }).meta({
  id: 'TotpSetupResponse',
  description:
    '设置动态口令：待确认的密钥及用于生成二维码的otpauth地址 · TOTP enrolment: a new secret, pending until confirmed with a code, and its otpauth:// URI for a QR code',
});
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpEnableRequest = z.object({ code: z.string().trim().min(1).max(16) }).meta({
  id: 'TotpEnableRequest',
  description:
    '启用动态口令：认证器应用生成的首个验证码 · Enables TOTP with the first code from the user’s authenticator app',
});
export type TotpEnableRequest = z.infer<typeof TotpEnableRequest>;
