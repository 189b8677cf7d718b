import { z } from 'zod';

/**
 * The security policy the security admin (安全管理员) sets. Each rule is its own setting.
 *
 * The rules added with issue 8 (from `passwordRejectUsername` on) are optional in a request: a client that
 * does not know them yet leaves them as they are (the server keeps the stored value) rather than resetting them.
 * The server always answers with every rule.
 */
export const SecurityPolicySchema = z.object({
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sessionAbsoluteHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  passwordMinLength: z.number().int().min(8).max(64),
  /** of the four classes: upper case, lower case, digits, other characters */
  passwordMinClasses: z.number().int().min(1).max(4),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** a password may not contain the username (case-insensitive) */
  passwordRejectUsername: z.boolean().optional(),
  /** a new password may not be one of the last N (0: no history check) */
  passwordHistory: z.number().int().min(0).max(24).optional(),
  /** a password older than this many days must be changed at the next sign-in (0: never expires) */
  passwordMaxAgeDays: z
    .number()
    .int()
    .min(0)
    .max(10 * 365)
    .optional(),
  /** the three admin roles (三员) must sign in with a TOTP second factor; until enrolled they may only enrol */
  totpRequiredForAdmins: z.boolean().optional(),
});
export type SecurityPolicyInput = z.infer<typeof SecurityPolicySchema>;
/** The policy in force: every rule set. */
export type SecurityPolicy = Required<SecurityPolicyInput>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  passwordMinLength: 8,
  passwordMinClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  passwordRejectUsername: true,
  passwordHistory: 5,
  passwordMaxAgeDays: 0,
  totpRequiredForAdmins: false,
};
