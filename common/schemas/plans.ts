// 年度对口联系工作计划: agreed at the yearly symposium (三(四), 四(一)); each item later linked to what was done.
import { z } from 'zod';
import { LedgerKind } from './ledger.js';
import { Id, OptionalText, Ref, Text, Year } from './shared.js';

/** done: a ledger record is linked; overdue: the target month has ended with nothing linked; else pending. */
export const PLAN_ITEM_STATUSES = ['done', 'pending', 'overdue'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const PlanItemInput = z
  .object({
    kind: LedgerKind,
    title: Text(200),
    targetMonth: z.coerce.number().int().min(1).max(12),
    /** optional: the counterpart the item is planned with */
    counterpartId: Id.nullable().optional(),
    note: OptionalText(1000),
  })
  .meta({
    id: 'PlanItemInput',
    description:
      '年度工作计划中的一项：工作类别、名称、计划月份、联系对象和备注 · One item of an annual work plan: ledger kind, title, target month, optionally the counterpart it is planned with, and a note',
  });
export type PlanItemInput = z.infer<typeof PlanItemInput>;

export const UpdatePlanItemRequest = PlanItemInput.partial().meta({
  id: 'UpdatePlanItemRequest',
  description:
    '修改计划事项（已关联台账记录后不能改类别） · Changes to a plan item; its kind cannot change once a ledger record is linked to it',
});
export type UpdatePlanItemRequest = z.infer<typeof UpdatePlanItemRequest>;

export const CreatePlanRequest = z
  .object({
    /** a department user gives its own */
    departmentId: Id,
    year: Year,
    /** the symposium (ledger record) where the plan was agreed */
    symposiumId: Id.nullable().optional(),
    note: OptionalText(2000),
    items: z.array(PlanItemInput).max(200).default([]),
  })
  .meta({
    id: 'CreatePlanRequest',
    description:
      '制定部门年度对口联系工作计划：部门、年度、商定计划的座谈会和计划事项 · Creates a department’s annual paired-liaison work plan: department, year, the symposium (ledger record) that agreed it, and its items',
  });
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const PlanItemDto = z
  .object({
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
  })
  .meta({
    id: 'PlanItemDto',
    description:
      '计划事项及其进展：截止日期、状态和关联的台账记录 · A plan item and its progress: due date (the end of the target month), status (done, pending, overdue) and the linked ledger records',
  });
export type PlanItemDto = z.infer<typeof PlanItemDto>;

export const PlanDto = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    department: Ref,
    counterparts: z.array(Ref),
    symposiumId: z.number().int().nullable(),
    note: z.string().nullable(),
    items: z.array(PlanItemDto),
    counts: z.object({ done: z.number().int(), pending: z.number().int(), overdue: z.number().int() }),
    abilities: z.object({ canEdit: z.boolean() }),
  })
  .meta({
    id: 'PlanDto',
    description:
      '部门年度工作计划：联系对象、计划事项及完成情况 · A department’s annual work plan: its counterparts, items, counts done, pending and overdue, and whether the user may edit it',
  });
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanListQuery = z.object({ year: Year.optional(), departmentId: Id.optional() }).meta({
  id: 'PlanListQuery',
  description: '年度计划列表的筛选条件：年度和部门 · Filters of the annual plan list: year and department',
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanListResponse = z
  .object({
    items: z.array(PlanDto),
    abilities: z.object({ canCreate: z.boolean() }),
  })
  .meta({
    id: 'PlanListResponse',
    description:
      '年度计划列表，及能否制定计划 · The annual plans in the user’s scope, and whether the user may create one',
  });

export const PlanItemParams = z.object({ id: Id, itemId: Id }).meta({
  id: 'PlanItemParams',
  description: '计划事项的路径参数 · Path parameters: a plan’s id and the id of one of its items',
});
