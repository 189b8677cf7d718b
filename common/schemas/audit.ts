import { z } from 'zod';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditEntryDto = z
  .object({
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
  })
  .meta({
    id: 'AuditEntryDto',
    description:
      '一条审计日志：时间、操作人、IP、操作、对象、结果和变更前后 · One audit trail entry: time, actor, IP, action, entity, outcome (ok, denied, failed), before and after, and detail',
  });
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'YYYY-MM-DD');

export const AuditListQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    actor: z.string().trim().max(64).optional(),
    action: z.string().trim().max(64).optional(),
    entityType: z.string().trim().max(64).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .meta({
    id: 'AuditListQuery',
    description:
      '审计日志的筛选条件：起止日期、操作人、操作、对象类型、结果和分页 · Filters of the audit trail: date range, actor, action, entity type, outcome, page and page size',
  });
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditListResponse = z
  .object({
    items: z.array(AuditEntryDto),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({
    id: 'AuditListResponse',
    description: '审计日志的一页 · A page of audit trail entries, with the total',
  });

/** 统战部's view of its region's refused requests and phone-number reveals. */
export const ACCESS_LOG_KINDS = ['refusals', 'reveals'] as const;
export const AccessLogQuery = z
  .object({
    kind: z.enum(ACCESS_LOG_KINDS).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({
    id: 'AccessLogQuery',
    description:
      '访问拒绝与号码查看记录的筛选条件 · Filters of the region’s access log: kind (refusals or phone reveals), date range, page and page size',
  });
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogEntryDto = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().nullable(),
    ip: z.string().nullable(),
    kind: z.enum(ACCESS_LOG_KINDS),
    /** the route refused, or the unit whose phones were revealed */
    entity: z.string().nullable(),
    /** why: the refusal's reason and path, or the reason given for the reveal */
    detail: z.string().nullable(),
  })
  .meta({
    id: 'AccessLogEntryDto',
    description:
      '一条访问记录：被拒绝的请求或查看完整电话号码 · One access log entry: a refused request or a reveal of a unit’s phone numbers in full, with who, when, IP and why',
  });
export type AccessLogEntryDto = z.infer<typeof AccessLogEntryDto>;

export const AccessLogResponse = z
  .object({
    items: z.array(AccessLogEntryDto),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({
    id: 'AccessLogResponse',
    description:
      '统战部查看的本区访问记录的一页 · A page of the region’s access log for 统战部, with the total',
  });
export type AccessLogResponse = z.infer<typeof AccessLogResponse>;
