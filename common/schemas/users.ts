import { z } from 'zod';
import { ROLES } from '../roles.js';
import { Id, Ref, Text } from './shared.js';

export const UserDto = z
  .object({
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
  })
  .meta({
    id: 'UserDto',
    description:
      '一个用户账号：用户名、姓名、角色、单位、邮箱、停用、待激活、动态口令、锁定和最近登录 · A user account: username, display name, role, unit, e-mail, disabled, awaiting activation, TOTP, locked until and last sign-in',
  });
export type UserDto = z.infer<typeof UserDto>;

export const UserListQuery = z
  .object({
    role: z.enum(ROLES).optional(),
    organisationId: Id.optional(),
    q: z.string().trim().max(50).optional(),
  })
  .meta({
    id: 'UserListQuery',
    description:
      '用户列表的筛选条件：角色、单位和关键字 · Filters of the user list: role, unit, and a search over username, display name and unit name',
  });
export const UserListResponse = z
  .object({ items: z.array(UserDto) })
  .meta({ id: 'UserListResponse', description: '本区用户账号列表 · The accounts of the user’s region' });

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . - only')
  .meta({
    id: 'Username',
    description:
      '用户名：2至32位字母、数字或 _ . - · A username: 2 to 32 letters, digits, underscores, dots or hyphens',
  });

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: Text(40),
    role: z.enum(ROLES),
    organisationId: Id,
    email: z.email().max(120).nullable().optional(),
  })
  // no password field: nobody but the holder chooses one (a request carrying one is refused)
  .strict()
  .meta({
    id: 'CreateUserRequest',
    description:
      '新增用户账号（不含密码，由本人用激活码设置） · Creates an account: username, display name, role, unit and e-mail; no password, the holder sets one with an activation code',
  });
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
  .strict()
  .meta({
    id: 'UpdateUserRequest',
    description:
      '系统管理员修改用户：姓名、单位、邮箱和是否停用（角色由安全管理员授予） · The system administrator’s changes to an account: display name, unit, e-mail, disabled (the role is granted by the security administrator)',
  });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const GrantRoleRequest = z.object({ role: z.enum(ROLES) }).meta({
  id: 'GrantRoleRequest',
  description: '安全管理员授予账号的角色 · The role the security administrator grants an account',
});

/**
 * A new or reset account awaits its holder, who sets the password with a one-time code: e-mailed to them
 * ('email'), or issued by their 统战部 ('unit-office'). The system admin never sees a password or a code.
 */
export const UserActivationResponse = z
  .object({
    user: UserDto,
    activation: z.enum(['email', 'unit-office']),
  })
  .meta({
    id: 'UserActivationResponse',
    description:
      '新建或重置的账号及激活码的送达方式（邮件或由统战部发放） · A new or reset account and how its one-time activation code reaches the holder: by e-mail, or issued by their 统战部',
  });
export type UserActivationResponse = z.infer<typeof UserActivationResponse>;
