import { z } from 'zod';
import { ROLES } from '../roles.js';
import { Id, Ref, Text } from './shared.js';

export const UserDto = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: Ref,
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** waits for its holder to redeem an activation code */
  activationPending: z.boolean(),
  /** signs in with a TOTP second factor */
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;

export const UserListQuery = z.object({
  role: z.enum(ROLES).optional(),
  organisationId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
export const UserListResponse = z.object({ items: z.array(UserDto) });

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . - only');

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: Text(40),
    role: z.enum(ROLES),
    organisationId: Id,
    email: z.email().max(120).nullable().optional(),
  })
  // no password field: nobody but the holder chooses one (a request carrying one is refused)
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** What the system admin edits; the role is the security admin's (GrantRoleRequest). */
export const UpdateUserRequest = z
  .object({
    displayName: Text(40),
    organisationId: Id,
    email: z.email().max(120).nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const GrantRoleRequest = z.object({ role: z.enum(ROLES) });

/**
 * A new or reset account awaits its holder, who sets the password with a one-time code: e-mailed to them
 * ('email'), or issued by their 统战部 ('unit-office'). The system admin never sees a password or a code.
 */
export const UserActivationResponse = z.object({
  user: UserDto,
  activation: z.enum(['email', 'unit-office']),
});
export type UserActivationResponse = z.infer<typeof UserActivationResponse>;
