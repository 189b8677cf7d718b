import { z } from 'zod';

/** The security policy the security admin (安全管理员) sets. Each rule is its own setting. */
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
  passwordMinClasses: z.number().int().min(1).max(4),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  passwordMinLength: 8,
  passwordMinClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
};
