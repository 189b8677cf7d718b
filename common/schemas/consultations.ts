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
  /** 督办: 统战部 presses an overdue reply by hand (issue 15) */
  'urged',
  'closed',
] as const;
export const REMINDER_STAGES = ['due_soon', 'due', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** The defaults of the region setting 统战部 may change. */
export const CONSULTATION_DEFAULTS = { replyWorkingDays: 15, reminderLeadDays: 3 } as const;

// ---------------------------------------------------------------------------------------------------------
// Requests

export const CreateMatterRequest = z
  .object({
    /** a department user gives its own */
    departmentId: Id,
    kind: z.enum(MATTER_KINDS),
    title: Text(200),
    summary: OptionalText(10000),
    plannedDecisionDate: IsoDate.nullable().optional(),
    /** omitted: the department's counterparts paired in force this year; given: exactly these (of the region) */
    counterpartIds: z.array(Id).min(1).max(50).optional(),
  })
  .meta({
    id: 'CreateMatterRequest',
    description:
      '登记一项重大事项，供决策前民主协商 · A department registers a major matter to consult its counterparts on before deciding',
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
  .partial()
  .meta({
    id: 'UpdateMatterRequest',
    description:
      '修改重大事项：类别、标题、概要、拟决策日期、协商对象 · Changes to a major matter: kind, title, summary, planned decision date, counterparts consulted',
  });
export type UpdateMatterRequest = z.infer<typeof UpdateMatterRequest>;

export const ScheduleSymposiumRequest = z
  .object({
    scheduledAt: Instant,
    place: Text(200),
  })
  .meta({
    id: 'ScheduleSymposiumRequest',
    description:
      '安排专题协商座谈会的时间和地点 · Schedules a matter’s consultation symposium: time and place',
  });
export type ScheduleSymposiumRequest = z.infer<typeof ScheduleSymposiumRequest>;

export const HoldSymposiumRequest = z
  .object({
    /** default: the scheduled time */
    heldAt: Instant.optional(),
    attendees: OptionalText(2000),
    minutes: OptionalText(20000),
  })
  .meta({
    id: 'HoldSymposiumRequest',
    description:
      '登记专题协商座谈会已召开：时间、出席人员、纪要 · Records a matter’s symposium as held: time, attendees and minutes',
  });
export type HoldSymposiumRequest = z.infer<typeof HoldSymposiumRequest>;

export const MinutesRequest = z.object({ minutes: Text(20000) }).meta({
  id: 'MinutesRequest',
  description: '专题协商座谈会纪要 · The minutes of a matter’s consultation symposium',
});
export type MinutesRequest = z.infer<typeof MinutesRequest>;

export const DecisionRequest = z
  .object({
    /** default: now */
    decidedAt: Instant.optional(),
    note: OptionalText(2000),
  })
  .meta({
    id: 'DecisionRequest',
    description:
      '登记重大事项的决策时间和说明（据此检查先协商后决策） · Records when a major matter was decided, with a note (checked against consultation before decision)',
  });
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const CreateItemRequest = z
  .object({
    /** the author organisation: a counterpart consulted on the matter (a counterpart user: its own, the default) */
    counterpartId: Id.optional(),
    source: z.enum(ITEM_SOURCES),
    text: Text(10000),
    /** the receipt date the due date counts from; default today (a symposium item: the day it was held) */
    receivedOn: IsoDate.optional(),
  })
  .meta({
    id: 'CreateItemRequest',
    description:
      '联系对象就重大事项提出的一条意见建议（座谈会上或书面） · A counterpart’s opinion or suggestion on a matter, raised at the symposium or in writing',
  });
export type CreateItemRequest = z.infer<typeof CreateItemRequest>;

export const AnalysisRequest = z.object({ analysis: Text(10000) }).meta({
  id: 'AnalysisRequest',
  description:
    '承办部门对意见建议的分析研究（不向联系对象公开） · The department’s internal analysis of a suggestion, never shown to counterparts',
});
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
  .meta({
    id: 'ReplyRequest',
    description: '承办部门对意见建议的答复 · A department’s reply to a suggestion',
  });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const ExtensionRequest = z
  .object({
    reason: Text(2000),
    days: z.number().int().min(1).max(60),
  })
  .meta({
    id: 'ExtensionRequest',
    description:
      '承办部门申请延期答复：理由和延长的工作日数 · A department asks 统战部 for more working days to reply, with a reason',
  });
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

export const GrantExtensionRequest = z
  .object({
    /** default: the working days requested */
    days: z.number().int().min(1).max(60).optional(),
    note: OptionalText(2000),
  })
  .meta({
    id: 'GrantExtensionRequest',
    description:
      '统战部批准延期，可改定工作日数 · 统战部 grants an extension, by the working days asked unless it says otherwise',
  });
export type GrantExtensionRequest = z.infer<typeof GrantExtensionRequest>;

export const RefuseExtensionRequest = z.object({ note: Text(2000) }).meta({
  id: 'RefuseExtensionRequest',
  description: '统战部不予延期并说明理由 · 统战部 refuses an extension, with a reason',
});
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
  })
  .meta({
    id: 'VerdictRequest',
    description:
      '联系对象对答复的评价：满意、基本满意、不满意（须说明意见，转二次办理） · The counterpart’s verdict on a reply: satisfied, basically satisfied or not satisfied (with a comment, which starts re-handling)',
  });
export type VerdictRequest = z.infer<typeof VerdictRequest>;

export const CloseItemRequest = z.object({ note: Text(2000) }).meta({
  id: 'CloseItemRequest',
  description: '统战部办结一条意见建议并说明 · 统战部 closes a suggestion by hand, with a note',
});
export type CloseItemRequest = z.infer<typeof CloseItemRequest>;

/** How many 督办 of one item the escalation distinguishes: 联络员, then 分管领导, then 统战部 leadership. */
export const URGE_LEVELS = 3;

export const UrgeRequest = z.object({ note: Text(2000) }).meta({
  id: 'UrgeRequest',
  description:
    '统战部对逾期未答复的意见建议督办，附督办意见 · 统战部 presses the department on an overdue reply, with a note',
});
export type UrgeRequest = z.infer<typeof UrgeRequest>;

export const BulkUrgeRequest = z.object({ ids: z.array(Id).min(1).max(200), note: Text(2000) }).meta({
  id: 'BulkUrgeRequest',
  description:
    '统战部批量督办多条逾期意见建议（全部成功或全部不办） · 统战部 presses several overdue replies at once (all or none)',
});
export type BulkUrgeRequest = z.infer<typeof BulkUrgeRequest>;

export const BulkUrgeResponse = z
  .object({
    urged: z.array(
      z.object({ id: Id, level: z.number().int().min(1).max(URGE_LEVELS), notified: z.number().int() }),
    ),
  })
  .meta({
    id: 'BulkUrgeResponse',
    description:
      '批量督办的结果：每条意见建议的督办级别和通知人数 · The result of a bulk 督办: per item, the escalation level reached and how many were notified',
  });
export type BulkUrgeResponse = z.infer<typeof BulkUrgeResponse>;

export const ConsultationSettings = z
  .object({
    /** N: working days a department has to reply, from the receipt (or the verdict, for 二次办理) */
    replyWorkingDays: z.number().int().min(1).max(60),
    /** K: working days before the due date the department is reminded */
    reminderLeadDays: z.number().int().min(0).max(30),
  })
  .meta({
    id: 'ConsultationSettings',
    description:
      '本区重大事项协商设置：答复期限和提前提醒的工作日数 · The region’s consultation settings: working days to reply and working days of advance reminder',
  });
export type ConsultationSettings = z.infer<typeof ConsultationSettings>;

export const ConsultationSettingsResponse = ConsultationSettings.extend({
  regionId: z.number().int(),
  /** false: the defaults are in force */
  customised: z.boolean(),
  abilities: z.object({ canEdit: z.boolean() }),
}).meta({
  id: 'ConsultationSettingsResponse',
  description:
    '本区协商设置，及是否已自定义、能否修改 · The region’s consultation settings, whether customised, and whether the user may change them',
});
export type ConsultationSettingsResponse = z.infer<typeof ConsultationSettingsResponse>;

// ---------------------------------------------------------------------------------------------------------
// Lists

const Flag = z.enum(['0', '1']);

export const MatterListQuery = z
  .object({
    year: Year.optional(),
    departmentId: Id.optional(),
    counterpartId: Id.optional(),
    kind: z.enum(MATTER_KINDS).optional(),
    /** '1': only matters decided before their symposium was held (先协商后决策 violated) */
    violation: Flag.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .meta({
    id: 'MatterListQuery',
    description:
      '重大事项列表的筛选条件 · Filters of the major-matter list: year, department, counterpart, kind, decided before consultation',
  });
export type MatterListQuery = z.infer<typeof MatterListQuery>;

export const ItemListQuery = z
  .object({
    status: z.enum(ITEM_FILTERS).optional(),
    matterId: Id.optional(),
    year: Year.optional(),
    departmentId: Id.optional(),
    counterpartId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .meta({
    id: 'ItemListQuery',
    description:
      '意见建议列表的筛选条件 · Filters of the suggestion list: status or due state, matter, year, department, counterpart',
  });
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const FiguresQuery = z
  .object({
    year: Year.optional(),
    departmentId: Id.optional(),
    counterpartId: Id.optional(),
  })
  .meta({
    id: 'FiguresQuery',
    description:
      '意见建议办理统计的筛选条件 · Filters of the consultation figures: year, department, counterpart',
  });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const MatterParams = z
  .object({ id: Id })
  .meta({ id: 'MatterParams', description: '重大事项的路径参数 · Path parameter: a major matter’s id' });
export const MatterAttachmentParams = AttachmentParams.meta({
  id: 'MatterAttachmentParams',
  description:
    '重大事项附件的路径参数 · Path parameters: a major matter’s id and the id of one of its attachments',
});

// ---------------------------------------------------------------------------------------------------------
// Responses

export const MatterCounterpartDto = Ref.extend({
  /** paired with the department (else added for this matter) */
  paired: z.boolean(),
  /** the leader invited to the symposium */
  invitee: z.string().nullable(),
  invitedAt: z.string().nullable(),
}).meta({
  id: 'MatterCounterpartDto',
  description:
    '重大事项的一个协商对象：是否结对、邀请参加座谈会的领导 · A counterpart consulted on a matter: paired or added, and the leader invited to the symposium',
});

/** A matter's document: the same file shape as a ledger record's. */
export const MatterAttachmentDto = AttachmentDto.meta({
  id: 'MatterAttachmentDto',
  description:
    '重大事项的一个附件，及上传单位 · A file attached to a major matter, with the unit that uploaded it',
});
export type MatterAttachmentDto = AttachmentDto;

export const MatterDto = z
  .object({
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
  })
  .meta({
    id: 'MatterDto',
    description:
      '一项重大事项：专题协商座谈会、决策、是否先协商后决策、附件和意见建议数 · A major matter: its symposium, decision, consultation-before-decision check, attachments and suggestion counts',
  });
export type MatterDto = z.infer<typeof MatterDto>;

export const MatterListResponse = z
  .object({
    items: z.array(MatterDto),
    total: z.number().int(),
    abilities: z.object({ canCreate: z.boolean() }),
  })
  .meta({
    id: 'MatterListResponse',
    description:
      '重大事项列表 · A page of major matters, with the total and whether the user may register one',
  });
export type MatterListResponse = z.infer<typeof MatterListResponse>;

export const ReplyDto = z
  .object({
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
  })
  .meta({
    id: 'ReplyDto',
    description:
      '一轮答复及联系对象的评价 · One round’s reply to a suggestion: class, text, due date, whether on time, and the counterpart’s verdict',
  });
export type ReplyDto = z.infer<typeof ReplyDto>;

export const ExtensionDto = z
  .object({
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
  })
  .meta({
    id: 'ExtensionDto',
    description:
      '一次延期申请及统战部的决定 · One extension request and 统战部’s decision, with the due date before and after',
  });
export type ExtensionDto = z.infer<typeof ExtensionDto>;

export const ItemDto = z
  .object({
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
      /** 督办: 统战部, on an overdue reply */
      canUrge: z.boolean(),
    }),
  })
  .meta({
    id: 'ItemDto',
    description:
      '一条意见建议及其办理情况 · One opinion or suggestion and where its reply cycle stands: status, round, due date, latest reply',
  });
export type ItemDto = z.infer<typeof ItemDto>;

export const ItemListResponse = z
  .object({
    items: z.array(ItemDto),
    total: z.number().int(),
    /** the calendar date (Asia/Shanghai) the due states were computed for */
    today: z.string(),
  })
  .meta({
    id: 'ItemListResponse',
    description:
      '意见建议列表 · A page of suggestions, with the total and the date their due states were computed for',
  });
export type ItemListResponse = z.infer<typeof ItemListResponse>;

export const ItemEventDto = z
  .object({
    id: z.number().int(),
    round: z.number().int(),
    action: z.enum(ITEM_EVENT_ACTIONS),
    stage: z.enum(REMINDER_STAGES).nullable(),
    note: z.string().nullable(),
    actor: z.string().nullable(),
    at: z.string(),
  })
  .meta({
    id: 'ItemEventDto',
    description:
      '意见建议办理过程中的一个事件 · One event in a suggestion’s timeline: created, analysed, replied, extension, verdict, reminder, closed',
  });
export type ItemEventDto = z.infer<typeof ItemEventDto>;

/** The reply screen: the matter (with the minutes), the item, every round's reply, extensions and the timeline. */
export const ItemScreenResponse = z
  .object({
    matter: MatterDto,
    item: ItemDto,
    rounds: z.array(ReplyDto),
    extensions: z.array(ExtensionDto),
    timeline: z.array(ItemEventDto),
    today: z.string(),
  })
  .meta({
    id: 'ItemScreenResponse',
    description:
      '答复页面：重大事项、意见建议、各轮答复、延期和办理过程 · The reply screen: the matter, the suggestion, every round’s reply, the extensions and the timeline',
  });
export type ItemScreenResponse = z.infer<typeof ItemScreenResponse>;

export const Figures = z
  .object({
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
  })
  .meta({
    id: 'Figures',
    description:
      '意见建议办理统计：收到、答复、按期答复、逾期、办结、采纳和满意情况 · Consultation figures: received, replied, replied on time, overdue, closed, adoption and satisfaction',
  });
export type Figures = z.infer<typeof Figures>;

export const FiguresRow = Figures.extend({
  year: z.number().int(),
  department: Ref,
  counterpart: Ref,
}).meta({
  id: 'FiguresRow',
  description:
    '某年度、某部门与某联系对象之间的办理统计 · Consultation figures of one year, department and counterpart',
});
export type FiguresRow = z.infer<typeof FiguresRow>;

export const FiguresResponse = z
  .object({
    totals: Figures,
    /** per year (of receipt), department and counterpart */
    rows: z.array(FiguresRow),
    today: z.string(),
  })
  .meta({
    id: 'FiguresResponse',
    description:
      '意见建议办理统计：合计和分行 · Consultation figures: the totals and a row per year, department and counterpart',
  });
export type FiguresResponse = z.infer<typeof FiguresResponse>;
