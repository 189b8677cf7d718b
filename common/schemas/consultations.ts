// 重大事项民主协商 (奉政发〔2019〕47号 三(二)): major matters, their 专题协商座谈会, the opinions and suggestions
// raised, and the reply cycle of each — reply class, due date in working days, extensions, verdict, 二次办理.
import { z } from 'zod';
import { AttachmentDto, AttachmentParams } from './attachments.js';
import { Instant } from './ledger.js';
import { IsoDate } from './roster.js';
import { Id, OptionalText, Ref, Text, Year } from './shared.js';

export const MATTER_KINDS = ['deployment', 'policy', 'project', 'planning', 'livelihood'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];
export const MATTER_KIND_LABELS: Record<MatterKind, { zh: string; en: string }> = {
  deployment: { zh: '重大工作部署', en: 'Major work deployment' },
  policy: { zh: '重要政策措施', en: 'Important policy measure' },
  project: { zh: '重大建设和改革项目', en: 'Major construction or reform project' },
  planning: { zh: '重大区域规划', en: 'Major regional plan' },
  livelihood: { zh: '重要民生实事', en: 'Important livelihood project' },
};

export const SYMPOSIUM_STATUSES = ['none', 'scheduled', 'held'] as const;

export const ITEM_SOURCES = ['symposium', 'written'] as const;
export const ITEM_SOURCE_LABELS = {
  symposium: { zh: '座谈会上提出', en: 'Raised at the symposium' },
  written: { zh: '书面提出', en: 'Submitted in writing' },
} as const;

/** What is stored: where the item's reply cycle stands. */
export const ITEM_STATUSES = ['awaiting_reply', 'awaiting_verdict', 'rehandling', 'closed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What a list filters by: the stored status, or how close an unanswered item is to its due date. */
export const ITEM_FILTERS = [
  'awaiting_reply',
  'due_soon',
  'overdue',
  'awaiting_verdict',
  'rehandling',
  'closed',
] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

/** An unanswered item's position against its due date (null once replied or closed). */
export const DUE_STATES = ['on_track', 'due_soon', 'due_today', 'overdue'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const REPLY_CLASSES = ['adopted', 'partly_adopted', 'not_adopted', 'for_reference'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];
export const REPLY_CLASS_LABELS: Record<ReplyClass, { zh: string; en: string }> = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partly_adopted: { zh: '部分采纳', en: 'Partly adopted' },
  not_adopted: { zh: '暂不采纳', en: 'Not adopted for now' },
  for_reference: { zh: '留作参考', en: 'Kept for reference' },
};

export const VERDICTS = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  not_satisfied: { zh: '不满意', en: 'Not satisfied' },
};

/** withdrawn: the department replied (or 统战部 closed the item) before the request was decided */
export const EXTENSION_STATUSES = ['requested', 'granted', 'refused', 'withdrawn'] as const;

export const ITEM_EVENT_ACTIONS = [
  'created',
  'analysed',
  'replied',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'verdict',
  'reopened',
  'reminded',
  'closed',
] as const;
export const REMINDER_STAGES = ['due_soon', 'due', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** The defaults of the region setting 统战部 may change. */
export const CONSULTATION_DEFAULTS = { replyWorkingDays: 15, reminderLeadDays: 3 } as const;

// ---------------------------------------------------------------------------------------------------------
// Requests

export const CreateMatterRequest = z.object({
  /** a department user gives its own */
  departmentId: Id,
  kind: z.enum(MATTER_KINDS),
  title: Text(200),
  summary: OptionalText(10000),
  plannedDecisionDate: IsoDate.nullable().optional(),
  /** omitted: the department's counterparts paired in force this year; given: exactly these (of the region) */
  counterpartIds: z.array(Id).min(1).max(50).optional(),
});
export type CreateMatterRequest = z.infer<typeof CreateMatterRequest>;

export const UpdateMatterRequest = z
  .object({
    kind: z.enum(MATTER_KINDS),
    title: Text(200),
    summary: OptionalText(10000),
    plannedDecisionDate: IsoDate.nullable(),
    /** the counterparts consulted; one with opinions on the matter cannot be removed */
    counterpartIds: z.array(Id).min(1).max(50),
  })
  .partial();
export type UpdateMatterRequest = z.infer<typeof UpdateMatterRequest>;

export const ScheduleSymposiumRequest = z.object({
  scheduledAt: Instant,
  place: Text(200),
});
export type ScheduleSymposiumRequest = z.infer<typeof ScheduleSymposiumRequest>;

export const HoldSymposiumRequest = z.object({
  /** default: the scheduled time */
  heldAt: Instant.optional(),
  attendees: OptionalText(2000),
  minutes: OptionalText(20000),
});
export type HoldSymposiumRequest = z.infer<typeof HoldSymposiumRequest>;

export const MinutesRequest = z.object({ minutes: Text(20000) });
export type MinutesRequest = z.infer<typeof MinutesRequest>;

export const DecisionRequest = z.object({
  /** default: now */
  decidedAt: Instant.optional(),
  note: OptionalText(2000),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const CreateItemRequest = z.object({
  /** the author organisation: a counterpart consulted on the matter (a counterpart user: its own, the default) */
  counterpartId: Id.optional(),
  source: z.enum(ITEM_SOURCES),
  text: Text(10000),
  /** the receipt date the due date counts from; default today (a symposium item: the day it was held) */
  receivedOn: IsoDate.optional(),
});
export type CreateItemRequest = z.infer<typeof CreateItemRequest>;

export const AnalysisRequest = z.object({ analysis: Text(10000) });
export type AnalysisRequest = z.infer<typeof AnalysisRequest>;

export const ReplyRequest = z
  .object({
    replyClass: z.enum(REPLY_CLASSES),
    text: Text(10000),
    /** 暂不采纳（必须说明理由）: required for not_adopted */
    reason: OptionalText(5000),
    /** the internal analysis of this round (never shown to counterparts) */
    analysis: OptionalText(10000),
  })
  .superRefine((v, ctx) => {
    if (v.replyClass === 'not_adopted' && !v.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: '暂不采纳必须说明理由 / a reason is required when not adopting',
      });
    }
  })
  .meta({ id: 'ReplyRequest', description: '承办部门对意见建议的答复 · A department’s reply to a suggestion' });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const ExtensionRequest = z.object({
  reason: Text(2000),
  days: z.number().int().min(1).max(60),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

export const GrantExtensionRequest = z.object({
  /** default: the working days requested */
  days: z.number().int().min(1).max(60).optional(),
  note: OptionalText(2000),
});
export type GrantExtensionRequest = z.infer<typeof GrantExtensionRequest>;

export const RefuseExtensionRequest = z.object({ note: Text(2000) });
export type RefuseExtensionRequest = z.infer<typeof RefuseExtensionRequest>;

export const VerdictRequest = z
  .object({
    verdict: z.enum(VERDICTS),
    comment: OptionalText(5000),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === 'not_satisfied' && !v.comment) {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: '不满意须说明意见 / say what is not satisfactory',
      });
    }
  });
export type VerdictRequest = z.infer<typeof VerdictRequest>;

export const CloseItemRequest = z.object({ note: Text(2000) });
export type CloseItemRequest = z.infer<typeof CloseItemRequest>;

export const ConsultationSettings = z.object({
  /** N: working days a department has to reply, from the receipt (or the verdict, for 二次办理) */
  replyWorkingDays: z.number().int().min(1).max(60),
  /** K: working days before the due date the department is reminded */
  reminderLeadDays: z.number().int().min(0).max(30),
});
export type ConsultationSettings = z.infer<typeof ConsultationSettings>;

export const ConsultationSettingsResponse = ConsultationSettings.extend({
  regionId: z.number().int(),
  /** false: the defaults are in force */
  customised: z.boolean(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type ConsultationSettingsResponse = z.infer<typeof ConsultationSettingsResponse>;

// ---------------------------------------------------------------------------------------------------------
// Lists

const Flag = z.enum(['0', '1']);

export const MatterListQuery = z.object({
  year: Year.optional(),
  departmentId: Id.optional(),
  counterpartId: Id.optional(),
  kind: z.enum(MATTER_KINDS).optional(),
  /** '1': only matters decided before their symposium was held (先协商后决策 violated) */
  violation: Flag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MatterListQuery = z.infer<typeof MatterListQuery>;

export const ItemListQuery = z.object({
  status: z.enum(ITEM_FILTERS).optional(),
  matterId: Id.optional(),
  year: Year.optional(),
  departmentId: Id.optional(),
  counterpartId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const FiguresQuery = z.object({
  year: Year.optional(),
  departmentId: Id.optional(),
  counterpartId: Id.optional(),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const MatterParams = z.object({ id: Id });
export const MatterAttachmentParams = AttachmentParams;

// ---------------------------------------------------------------------------------------------------------
// Responses

export const MatterCounterpartDto = Ref.extend({
  /** paired with the department (else added for this matter) */
  paired: z.boolean(),
  /** the leader invited to the symposium */
  invitee: z.string().nullable(),
  invitedAt: z.string().nullable(),
});

/** A matter's document: the same file shape as a ledger record's. */
export const MatterAttachmentDto = AttachmentDto;
export type MatterAttachmentDto = AttachmentDto;

export const MatterDto = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  year: z.number().int(),
  kind: z.enum(MATTER_KINDS),
  title: z.string(),
  summary: z.string().nullable(),
  plannedDecisionDate: z.string().nullable(),
  department: Ref,
  counterparts: z.array(MatterCounterpartDto),
  symposium: z.object({
    status: z.enum(SYMPOSIUM_STATUSES),
    scheduledAt: z.string().nullable(),
    place: z.string().nullable(),
    heldAt: z.string().nullable(),
    attendees: z.string().nullable(),
    minutes: z.string().nullable(),
  }),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** 先协商后决策 violated: decided before the symposium was held (or without one) */
  violation: z.boolean(),
  attachments: z.array(MatterAttachmentDto),
  itemCounts: z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    canEdit: z.boolean(),
    canSchedule: z.boolean(),
    canHold: z.boolean(),
    canRecordMinutes: z.boolean(),
    canDecide: z.boolean(),
    canAddItem: z.boolean(),
    canAttach: z.boolean(),
  }),
});
export type MatterDto = z.infer<typeof MatterDto>;

export const MatterListResponse = z.object({
  items: z.array(MatterDto),
  total: z.number().int(),
  abilities: z.object({ canCreate: z.boolean() }),
});
export type MatterListResponse = z.infer<typeof MatterListResponse>;

export const ReplyDto = z.object({
  round: z.number().int(),
  replyClass: z.enum(REPLY_CLASSES),
  text: z.string(),
  reason: z.string().nullable(),
  /** internal: null for counterparts */
  analysis: z.string().nullable(),
  repliedOn: z.string(),
  repliedAt: z.string(),
  repliedBy: z.string().nullable(),
  dueDate: z.string(),
  onTime: z.boolean(),
  verdict: z.enum(VERDICTS).nullable(),
  verdictComment: z.string().nullable(),
  verdictAt: z.string().nullable(),
});
export type ReplyDto = z.infer<typeof ReplyDto>;

export const ExtensionDto = z.object({
  id: z.number().int(),
  round: z.number().int(),
  reason: z.string(),
  daysRequested: z.number().int(),
  status: z.enum(EXTENSION_STATUSES),
  daysGranted: z.number().int().nullable(),
  dueBefore: z.string(),
  dueAfter: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ExtensionDto = z.infer<typeof ExtensionDto>;

export const ItemDto = z.object({
  id: z.number().int(),
  matter: Ref.extend({ department: Ref }),
  counterpart: Ref,
  source: z.enum(ITEM_SOURCES),
  text: z.string(),
  receivedOn: z.string(),
  enteredBy: Ref,
  createdAt: z.string(),
  status: z.enum(ITEM_STATUSES),
  round: z.number().int(),
  dueDate: z.string(),
  dueState: z.enum(DUE_STATES).nullable(),
  /** working days left until the due date (negative: overdue); null once replied or closed */
  workingDaysLeft: z.number().int().nullable(),
  /** internal: null for counterparts */
  analysis: z.string().nullable(),
  /** the latest reply; null before the first, and for a counterpart looking at another counterpart's item */
  latestReply: ReplyDto.nullable(),
  /** replies are shown only to the department, the overseers and the item's own counterpart */
  repliesVisible: z.boolean(),
  pendingExtension: ExtensionDto.nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  abilities: z.object({
    canAnalyse: z.boolean(),
    canReply: z.boolean(),
    canRequestExtension: z.boolean(),
    canDecideExtension: z.boolean(),
    canRate: z.boolean(),
    canClose: z.boolean(),
  }),
});
export type ItemDto = z.infer<typeof ItemDto>;

export const ItemListResponse = z.object({
  items: z.array(ItemDto),
  total: z.number().int(),
  /** the calendar date (Asia/Shanghai) the due states were computed for */
  today: z.string(),
});
export type ItemListResponse = z.infer<typeof ItemListResponse>;

export const ItemEventDto = z.object({
  id: z.number().int(),
  round: z.number().int(),
  action: z.enum(ITEM_EVENT_ACTIONS),
  stage: z.enum(REMINDER_STAGES).nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ItemEventDto = z.infer<typeof ItemEventDto>;

/** The reply screen: the matter (with the minutes), the item, every round's reply, extensions and the timeline. */
export const ItemScreenResponse = z.object({
  matter: MatterDto,
  item: ItemDto,
  rounds: z.array(ReplyDto),
  extensions: z.array(ExtensionDto),
  timeline: z.array(ItemEventDto),
  today: z.string(),
});
export type ItemScreenResponse = z.infer<typeof ItemScreenResponse>;

export const Figures = z.object({
  /** items received (opinions and suggestions) */
  received: z.number().int(),
  /** items with a first reply */
  replied: z.number().int(),
  /** items whose first reply came on or before its due date */
  repliedOnTime: z.number().int(),
  /** unanswered items past their due date today */
  overdue: z.number().int(),
  closed: z.number().int(),
  /** the class of each replied item's latest reply */
  adoption: z.record(z.enum(REPLY_CLASSES), z.number().int()),
  /** each replied item's latest verdict; `unrated`: replied, no verdict on the latest reply */
  satisfaction: z.record(z.enum([...VERDICTS, 'unrated']), z.number().int()),
});
export type Figures = z.infer<typeof Figures>;

export const FiguresRow = Figures.extend({
  year: z.number().int(),
  department: Ref,
  counterpart: Ref,
});
export type FiguresRow = z.infer<typeof FiguresRow>;

export const FiguresResponse = z.object({
  totals: Figures,
  /** per year (of receipt), department and counterpart */
  rows: z.array(FiguresRow),
  today: z.string(),
});
export type FiguresResponse = z.infer<typeof FiguresResponse>;
