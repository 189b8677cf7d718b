import { z } from 'zod';
import { REGION_LEVELS } from '../organisations.js';
import { ROLES } from '../roles.js';
import { IMPORT_BASE64_MAX } from '../uploads.js';
import { Id, Ref, Text } from './shared.js';
import { Username } from './users.js';

/** An activation / reset code as people type it: XXXX-XXXX-XXXX, spaces and case do not matter. */
export const ActivationCode = z.string().trim().min(8).max(40).meta({
  id: 'ActivationCode',
  description:
    '开通码（或重置码），格式 XXXX-XXXX-XXXX · An activation or reset code as typed: XXXX-XXXX-XXXX, spaces and case ignored',
});

/** What a one-time code is for: a new account, a password reset, an account handed over to a new holder. */
export const CODE_PURPOSES = ['activation', 'reset', 'handover'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
/** Where a proposed account hand-over came from, and where it stands. */
export const HANDOVER_SOURCES = ['change_report', 'filing', 'roster'] as const;
export type HandoverSource = (typeof HANDOVER_SOURCES)[number];
export const HANDOVER_STATUSES = ['proposed', 'accepted', 'declined', 'superseded'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const ActivationCheckRequest = z.object({ code: ActivationCode }).meta({
  id: 'ActivationCheckRequest',
  description: '核验开通码 · A one-time code to check before its holder chooses a password',
});
export const ActivationCheckResponse = z
  .object({
    username: z.string(),
    displayName: z.string(),
    organisation: z.string(),
    purpose: z.enum(CODE_PURPOSES),
    expiresAt: z.string(),
  })
  .meta({
    id: 'ActivationCheckResponse',
    description:
      '开通码对应的账号、单位、用途和有效期 · The account, unit, purpose and expiry a one-time code belongs to',
  });
export type ActivationCheckResponse = z.infer<typeof ActivationCheckResponse>;

export const ActivationRedeemRequest = z
  .object({
    code: ActivationCode,
    newPassword: z.string().min(8).max(256),
  })
  .meta({
    id: 'ActivationRedeemRequest',
    description: '使用开通码并设置自己的密码 · Redeems a one-time code and sets the holder’s own password',
  });
export const ActivationRedeemResponse = z
  .object({ username: z.string() })
  .meta({ id: 'ActivationRedeemResponse', description: '已开通的账号 · The account just activated' });

/** How a code reaches its holder: e-mailed to them, or shown once to 统战部 (to hand over, e.g. on a notice). */
export const CodeDelivery = z.enum(['email', 'shown']).meta({
  id: 'CodeDelivery',
  description:
    '开通码的送达方式：邮件发送，或仅向统战部显示一次 · How a code reaches its holder: e-mailed, or shown once to 统战部 to hand over',
});

export const IssuedCodeDto = z
  .object({
    userId: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    organisation: Ref,
    delivery: CodeDelivery,
    /** only when delivery is 'shown': this once, never again */
    code: z.string().nullable(),
    expiresAt: z.string(),
  })
  .meta({
    id: 'IssuedCodeDto',
    description:
      '发放的一个开通码及其账号 · A one-time code issued for an account: e-mailed, or shown this once',
  });
export type IssuedCodeDto = z.infer<typeof IssuedCodeDto>;

// ---------------------------------------------------------------------------------------------------------
// 统战部: the units' 联络员 accounts

export const AccountStatus = z.enum(['pending', 'active', 'disabled']).meta({
  id: 'AccountStatus',
  description:
    '联络员账号状态：待开通、已开通、已停用 · A unit account’s state: awaiting activation, active or disabled',
});

export const UnitAccountDto = z
  .object({
    organisation: Ref.extend({ kind: z.string() }),
    account: z
      .object({
        id: z.number().int(),
        username: z.string(),
        displayName: z.string(),
        email: z.string().nullable(),
        status: AccountStatus,
        holder: z.string().nullable(),
      })
      .nullable(),
    /** a filed 联络员 change waiting for 统战部 to hand the account over */
    handover: z.object({ id: z.number().int(), nextName: z.string(), proposedAt: z.string() }).nullable(),
  })
  .meta({
    id: 'UnitAccountDto',
    description:
      '一个单位的联络员账号，及待办的账号移交 · A unit with its 联络员 account, if any, and a hand-over waiting for 统战部',
  });
export type UnitAccountDto = z.infer<typeof UnitAccountDto>;
export const UnitAccountListResponse = z.object({ items: z.array(UnitAccountDto) }).meta({
  id: 'UnitAccountListResponse',
  description: '各单位的联络员账号 · The units of the region with their 联络员 accounts',
});

export const ProvisionRequest = z
  .discriminatedUnion('source', [
    z.object({ source: z.literal('roster') }),
    z.object({ source: z.literal('xlsx'), xlsxBase64: z.string().min(1).max(IMPORT_BASE64_MAX) }),
  ])
  .meta({
    id: 'ProvisionRequest',
    description:
      '批量账号开通的来源：责任人名册或 .xlsx 表 · Where to create the units’ 联络员 accounts from: the roster, or an .xlsx of units, names, phones and e-mails',
  });
export type ProvisionRequest = z.infer<typeof ProvisionRequest>;

export const PROVISION_PROBLEMS = [
  'unit-missing',
  'unit-unknown',
  'unit-duplicate',
  'unit-not-liaison',
  'name-missing',
  'phone-missing',
  'phone-invalid',
  'email-invalid',
  'no-liaison-on-record',
] as const;
export type ProvisionProblem = (typeof PROVISION_PROBLEMS)[number];

export const ProvisionRowDto = z
  .object({
    /** the spreadsheet row number (1-based), or null for a roster row */
    row: z.number().int().nullable(),
    unit: z.string(),
    organisation: Ref.nullable(),
    name: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    /** 'create' | 'exists' (the unit has its account already; left alone) | 'blocked' (fix the problems) */
    action: z.enum(['create', 'exists', 'blocked']),
    username: z.string().nullable(),
    problems: z.array(z.object({ code: z.enum(PROVISION_PROBLEMS), message: z.string() })),
  })
  .meta({
    id: 'ProvisionRowDto',
    description:
      '批量账号开通中的一行：单位、联络员、处理方式和问题 · One row of a bulk provisioning: unit, 联络员, what will happen, and any problems',
  });
export type ProvisionRowDto = z.infer<typeof ProvisionRowDto>;

export const ProvisionPreviewResponse = z
  .object({
    rows: z.array(ProvisionRowDto),
    toCreate: z.number().int(),
    blocked: z.number().int(),
  })
  .meta({
    id: 'ProvisionPreviewResponse',
    description:
      '批量账号开通预览 · The preview of a bulk provisioning: every row, how many to create and how many blocked',
  });
export type ProvisionPreviewResponse = z.infer<typeof ProvisionPreviewResponse>;

export const ProvisionResponse = z
  .object({
    created: z.array(IssuedCodeDto),
    emailed: z.number().int(),
    /** 开通通知单: one A4 page per created account (unit, account, activation address and code, 统战部 contact) */
    noticesDocxBase64: z.string(),
  })
  .meta({
    id: 'ProvisionResponse',
    description:
      '批量账号开通结果及开通通知单 · The accounts created in bulk, with their codes, the e-mails sent and the activation notices (.docx)',
  });
export type ProvisionResponse = z.infer<typeof ProvisionResponse>;

export const HandoverDto = z
  .object({
    id: z.number().int(),
    organisation: Ref,
    account: z.object({ id: z.number().int(), username: z.string() }),
    previousName: z.string().nullable(),
    nextName: z.string(),
    source: z.enum(HANDOVER_SOURCES),
    status: z.enum(HANDOVER_STATUSES),
    proposedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({
    id: 'HandoverDto',
    description:
      '一次账号移交：前后联络员、来源和状态 · An account hand-over from one 联络员 to the next: source and state',
  });
export type HandoverDto = z.infer<typeof HandoverDto>;
export const HandoverListResponse = z
  .object({ items: z.array(HandoverDto) })
  .meta({ id: 'HandoverListResponse', description: '账号移交列表 · The account hand-overs of the region' });
export const HandoverListQuery = z
  .object({
    status: z.enum(HANDOVER_STATUSES).optional(),
  })
  .meta({
    id: 'HandoverListQuery',
    description: '账号移交列表的筛选条件 · Filter of the account hand-over list: status',
  });

export const HolderDto = z
  .object({ name: z.string(), heldFrom: z.string(), heldTo: z.string().nullable() })
  .meta({
    id: 'HolderDto',
    description: '账号的一任持有人及持有期间 · One holder of a unit account and the period they held it',
  });
export const HolderListResponse = z.object({ items: z.array(HolderDto) }).meta({
  id: 'HolderListResponse',
  description: '单位账号的历任持有人 · Every holder of a unit’s account, with when',
});

export const AccountPerson = z
  .object({
    username: Username,
    displayName: Text(40),
    email: z.email().max(120).nullable().optional(),
  })
  .meta({
    id: 'AccountPerson',
    description: '新账号的用户名、姓名和邮箱 · A new account’s username, display name and e-mail',
  });
export type AccountPerson = z.infer<typeof AccountPerson>;

/** A city 统战部 adds a district (region) under its own and that district's 统战部 with its administrator. */
export const CreateDistrictRequest = z
  .object({
    parentId: Id,
    name: Text(50),
    level: z.enum(REGION_LEVELS),
    oversightName: Text(60),
    administrator: AccountPerson,
  })
  .meta({
    id: 'CreateDistrictRequest',
    description:
      '市级统战部新增下辖区县，及该区县统战部和管理员 · A city 统战部 adds a district under it, with that district’s 统战部 and its administrator',
  });
export type CreateDistrictRequest = z.infer<typeof CreateDistrictRequest>;
export const CreateDistrictResponse = z.object({ region: Ref, organisation: Ref, code: IssuedCodeDto }).meta({
  id: 'CreateDistrictResponse',
  description:
    '新增的区县、统战部及管理员的开通码 · The district and 统战部 added, with the administrator’s activation code',
});

// ---------------------------------------------------------------------------------------------------------
// First-run setup

export const SetupStateResponse = z.object({ needed: z.boolean() }).meta({
  id: 'SetupStateResponse',
  description: '是否仍需首次设置 · Whether first-run setup is still needed',
});

export const SetupRequest = z
  .object({
    token: z.string().min(16).max(200),
    locality: z.object({
      province: Text(30),
      city: Text(30).nullable(),
      county: Text(30),
    }),
    /** the 奉化 2019 example, or nothing now (the 统战部 imports its own notice once signed in) */
    pairings: z.enum(['example', 'own-notice']),
    oversightName: Text(60),
    officeName: Text(60),
    accounts: z.object({
      tzb: AccountPerson,
      sysadmin: AccountPerson,
      secadmin: AccountPerson,
      auditadmin: AccountPerson,
    }),
  })
  .meta({
    id: 'SetupRequest',
    description:
      '首次设置：地区、对口联系名单、统战部和三员账号 · First-run setup: the locality, the pairing list, and the 统战部 and three administrators’ accounts',
  });
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SetupResponse = z
  .object({
    region: Ref,
    accounts: z.array(IssuedCodeDto.extend({ role: z.enum(ROLES) })),
    activationUrl: z.string(),
  })
  .meta({
    id: 'SetupResponse',
    description:
      '首次设置结果：地区、各账号的开通码和开通地址 · The result of first-run setup: the region, each first account’s code, and the activation address',
  });
export type SetupResponse = z.infer<typeof SetupResponse>;
