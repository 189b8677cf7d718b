import { z } from 'zod';

export const AuditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
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
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
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
