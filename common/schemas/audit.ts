import { z } from 'zod';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'YYYY-MM-DD');

export const AuditListQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditListResponse = z.object({
  items: z.array(AuditEntryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** 统战部's view of its region's refused requests and phone-number reveals. */
export const ACCESS_LOG_KINDS = ['refusals', 'reveals'] as const;
export const AccessLogQuery = z.object({
  kind: z.enum(ACCESS_LOG_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  kind: z.enum(ACCESS_LOG_KINDS),
  /** the route refused, or the unit whose phones were revealed */
  entity: z.string().nullable(),
  /** why: the refusal's reason and path, or the reason given for the reveal */
  detail: z.string().nullable(),
});
export type AccessLogEntryDto = z.infer<typeof AccessLogEntryDto>;

export const AccessLogResponse = z.object({
  items: z.array(AccessLogEntryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessLogResponse = z.infer<typeof AccessLogResponse>;
