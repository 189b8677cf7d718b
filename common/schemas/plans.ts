// 年度对口联系工作计划: agreed at the yearly symposium (三(四), 四(一)); each item later linked to what was done.
import { z } from 'zod';
import { LedgerKind } from './ledger.js';
import { Id, OptionalText, Ref, Text, Year } from './shared.js';

/** done: a ledger record is linked; overdue: the target month has ended with nothing linked; else pending. */
export const PLAN_ITEM_STATUSES = ['done', 'pending', 'overdue'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const PlanItemInput = z.object({
  kind: LedgerKind,
  title: Text(200),
  targetMonth: z.coerce.number().int().min(1).max(12),
  /** optional: the counterpart the item is planned with */
  counterpartId: Id.nullable().optional(),
  note: OptionalText(1000),
});
export type PlanItemInput = z.infer<typeof PlanItemInput>;

export const UpdatePlanItemRequest = PlanItemInput.partial();
export type UpdatePlanItemRequest = z.infer<typeof UpdatePlanItemRequest>;

export const CreatePlanRequest = z.object({
  /** a department user gives its own */
  departmentId: Id,
  year: Year,
  /** the symposium (ledger record) where the plan was agreed */
  symposiumId: Id.nullable().optional(),
  note: OptionalText(2000),
  items: z.array(PlanItemInput).max(200).default([]),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const PlanItemDto = z.object({
  id: z.number().int(),
  kind: LedgerKind,
  title: z.string(),
  targetMonth: z.number().int(),
  /** YYYY-MM-DD: the last day of the target month */
  dueDate: z.string(),
  counterpart: Ref.nullable(),
  note: z.string().nullable(),
  status: z.enum(PLAN_ITEM_STATUSES),
  links: z.array(z.object({ id: z.number().int(), title: z.string(), startsAt: z.string() })),
});
export type PlanItemDto = z.infer<typeof PlanItemDto>;

export const PlanDto = z.object({
  id: z.number().int(),
  year: z.number().int(),
  department: Ref,
  counterparts: z.array(Ref),
  symposiumId: z.number().int().nullable(),
  note: z.string().nullable(),
  items: z.array(PlanItemDto),
  counts: z.object({ done: z.number().int(), pending: z.number().int(), overdue: z.number().int() }),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanListQuery = z.object({ year: Year.optional(), departmentId: Id.optional() });
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanListResponse = z.object({
  items: z.array(PlanDto),
  abilities: z.object({ canCreate: z.boolean() }),
});

export const PlanItemParams = z.object({ id: Id, itemId: Id });
