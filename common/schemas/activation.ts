import { z } from 'zod';
import { REGION_LEVELS } from '../organisations.js';
import { ROLES } from '../roles.js';
import { Id, Ref, Text } from './shared.js';
import { Username } from './users.js';

/** An activation / reset code as people type it: XXXX-XXXX-XXXX, spaces and case do not matter. */
export const ActivationCode = z.string().trim().min(8).max(40);

/** What a one-time code is for: a new account, a password reset, an account handed over to a new holder. */
export const CODE_PURPOSES = ['activation', 'reset', 'handover'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
/** Where a proposed account hand-over came from, and where it stands. */
export const HANDOVER_SOURCES = ['change_report', 'filing', 'roster'] as const;
export type HandoverSource = (typeof HANDOVER_SOURCES)[number];
export const HANDOVER_STATUSES = ['proposed', 'accepted', 'declined', 'superseded'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const ActivationCheckRequest = z.object({ code: ActivationCode });
export const ActivationCheckResponse = z.object({
  username: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  purpose: z.enum(CODE_PURPOSES),
  expiresAt: z.string(),
});
export type ActivationCheckResponse = z.infer<typeof ActivationCheckResponse>;

export const ActivationRedeemRequest = z.object({
  code: ActivationCode,
  newPassword: z.string().min(8).max(256),
});
export const ActivationRedeemResponse = z.object({ username: z.string() });

/** How a code reaches its holder: e-mailed to them, or shown once to 统战部 (to hand over, e.g. on a notice). */
export const CodeDelivery = z.enum(['email', 'shown']);

export const IssuedCodeDto = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  organisation: Ref,
  delivery: CodeDelivery,
  /** only when delivery is 'shown': this once, never again */
  code: z.string().nullable(),
  expiresAt: z.string(),
});
export type IssuedCodeDto = z.infer<typeof IssuedCodeDto>;

// ---------------------------------------------------------------------------------------------------------
// 统战部: the units' 联络员 accounts

export const AccountStatus = z.enum(['pending', 'active', 'disabled']);

export const UnitAccountDto = z.object({
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
});
export type UnitAccountDto = z.infer<typeof UnitAccountDto>;
export const UnitAccountListResponse = z.object({ items: z.array(UnitAccountDto) });

export const ProvisionRequest = z.discriminatedUnion('source', [
  z.object({ source: z.literal('roster') }),
  z.object({ source: z.literal('xlsx'), xlsxBase64: z.string().min(1).max(8_000_000) }),
]);
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

export const ProvisionRowDto = z.object({
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
});
export type ProvisionRowDto = z.infer<typeof ProvisionRowDto>;

export const ProvisionPreviewResponse = z.object({
  rows: z.array(ProvisionRowDto),
  toCreate: z.number().int(),
  blocked: z.number().int(),
});
export type ProvisionPreviewResponse = z.infer<typeof ProvisionPreviewResponse>;

export const ProvisionResponse = z.object({
  created: z.array(IssuedCodeDto),
  emailed: z.number().int(),
  /** 开通通知单: one A4 page per created account (unit, account, activation address and code, 统战部 contact) */
  noticesDocxBase64: z.string(),
});
export type ProvisionResponse = z.infer<typeof ProvisionResponse>;

export const HandoverDto = z.object({
  id: z.number().int(),
  organisation: Ref,
  account: z.object({ id: z.number().int(), username: z.string() }),
  previousName: z.string().nullable(),
  nextName: z.string(),
  source: z.enum(HANDOVER_SOURCES),
  status: z.enum(HANDOVER_STATUSES),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type HandoverDto = z.infer<typeof HandoverDto>;
export const HandoverListResponse = z.object({ items: z.array(HandoverDto) });
export const HandoverListQuery = z.object({
  status: z.enum(HANDOVER_STATUSES).optional(),
});

export const HolderDto = z.object({ name: z.string(), heldFrom: z.string(), heldTo: z.string().nullable() });
export const HolderListResponse = z.object({ items: z.array(HolderDto) });

export const AccountPerson = z.object({
  username: Username,
  displayName: Text(40),
  email: z.email().max(120).nullable().optional(),
});
export type AccountPerson = z.infer<typeof AccountPerson>;

/** A city 统战部 adds a district (region) under its own and that district's 统战部 with its administrator. */
export const CreateDistrictRequest = z.object({
  parentId: Id,
  name: Text(50),
  level: z.enum(REGION_LEVELS),
  oversightName: Text(60),
  administrator: AccountPerson,
});
export type CreateDistrictRequest = z.infer<typeof CreateDistrictRequest>;
export const CreateDistrictResponse = z.object({ region: Ref, organisation: Ref, code: IssuedCodeDto });

// ---------------------------------------------------------------------------------------------------------
// First-run setup

export const SetupStateResponse = z.object({ needed: z.boolean() });

export const SetupRequest = z.object({
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
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SetupResponse = z.object({
  region: Ref,
  accounts: z.array(IssuedCodeDto.extend({ role: z.enum(ROLES) })),
  activationUrl: z.string(),
});
export type SetupResponse = z.infer<typeof SetupResponse>;
