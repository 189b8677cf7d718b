// The liaison ledger (工作台账): what each pair did, by kind (奉政发〔2019〕47号 三(一)–(四)).
import { z } from 'zod';
import { AttachmentDto } from './attachments.js';
import { Id, OptionalText, Ref, Text, Year } from './shared.js';

export {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  AttachmentDto,
  AttachmentParams,
  UploadAttachmentRequest,
} from './attachments.js';

export const LEDGER_KINDS = ['invitation', 'notice', 'research', 'service', 'symposium'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LedgerKind = z.enum(LEDGER_KINDS).meta({
  id: 'LedgerKind',
  description:
    '台账记录类别：重要会议及活动邀请、信息通报及文件抄送、调研、社会服务、对口联系工作座谈会 · The kind of a ledger record: invitation, information notice, research, social service or liaison symposium',
});

export const LEDGER_KIND_LABELS: Record<LedgerKind, { zh: string; en: string }> = {
  invitation: { zh: '重要会议及活动邀请', en: 'Invitations' },
  notice: { zh: '信息通报及文件抄送', en: 'Information notices' },
  research: { zh: '调研', en: 'Research' },
  service: { zh: '社会服务', en: 'Social service' },
  symposium: { zh: '对口联系工作座谈会', en: 'Liaison symposia' },
};

/** dept_to_cp: a department invites its counterparts' leaders; cp_to_dept: a counterpart invites department leaders. */
export const INVITATION_DIRECTIONS = ['dept_to_cp', 'cp_to_dept'] as const;
export type InvitationDirection = (typeof INVITATION_DIRECTIONS)[number];

/** 重要会议, 重大内外事活动, 专项检查视察 (department invites); 重要会议, 重大活动 (counterpart invites). */
export const INVITATION_SUBTYPES = {
  dept_to_cp: ['meeting', 'affairs', 'inspection'],
  cp_to_dept: ['meeting', 'activity'],
} as const;
export const NOTICE_SUBTYPES = ['policy', 'material', 'periodical'] as const;
export const RESEARCH_SUBTYPES = ['joint', 'commissioned', 'offered'] as const;
export const SERVICE_SUBTYPES = ['investment', 'agriculture', 'medical', 'poverty', 'other'] as const;

export const SUBTYPE_LABELS: Record<string, { zh: string; en: string }> = {
  meeting: { zh: '重要会议', en: 'Important meeting' },
  affairs: { zh: '重大内外事活动', en: 'Major domestic/foreign affairs activity' },
  inspection: { zh: '专项检查视察', en: 'Special inspection' },
  activity: { zh: '重大活动', en: 'Major activity' },
  policy: { zh: '政策文件', en: 'Policy document' },
  material: { zh: '资料', en: 'Material' },
  periodical: { zh: '刊物', en: 'Periodical' },
  joint: { zh: '联合调研', en: 'Joint research' },
  commissioned: { zh: '委托调研', en: 'Commissioned research' },
  offered: { zh: '提供研究课题', en: 'Offered topic' },
  investment: { zh: '引资引智', en: 'Attracting investment and talent' },
  agriculture: { zh: '科技支农', en: 'Science for agriculture' },
  medical: { zh: '医疗义诊', en: 'Free medical consultation' },
  poverty: { zh: '扶贫帮困', en: 'Poverty relief' },
  other: { zh: '其他', en: 'Other' },
  symposium: { zh: '对口联系工作座谈会', en: 'Liaison symposium' },
};

export const ADOPTIONS = ['none', 'adopted', 'partly', 'implemented'] as const;
export type Adoption = (typeof ADOPTIONS)[number];
export const ADOPTION_LABELS: Record<Adoption, { zh: string; en: string }> = {
  none: { zh: '未采纳', en: 'Not adopted' },
  adopted: { zh: '已采纳', en: 'Adopted' },
  partly: { zh: '部分采纳', en: 'Partly adopted' },
  implemented: { zh: '已落实', en: 'Implemented' },
};

/** An instant with its offset, e.g. 2026-03-02T09:00:00+08:00; stored as UTC ISO text. */
export const Instant = z.iso.datetime({ offset: true }).meta({
  id: 'Instant',
  description:
    '带时区偏移的时刻，如 2026-03-02T09:00:00+08:00（按 UTC 保存） · An instant with its UTC offset, e.g. 2026-03-02T09:00:00+08:00 (stored as UTC)',
});
const Names = z.array(Text(50)).max(50);

const RecordBase = z.object({
  /** the department of the pair; a department user gives its own */
  departmentId: Id,
  /** the counterparts involved; a counterpart user gives (at least) itself */
  counterpartIds: z.array(Id).min(1).max(50),
  title: Text(200),
  startsAt: Instant,
  endsAt: Instant.nullable().optional(),
  place: OptionalText(200),
  summary: OptionalText(5000),
  /** the annual-plan item this record fulfils */
  planItemId: Id.nullable().optional(),
});

export const ResearchTeam = z.object({ department: Names, counterpart: Names }).meta({
  id: 'ResearchTeam',
  description:
    '调研组成员：部门一方和联系对象一方的姓名 · A research team: the names of its members from the department and from the counterpart',
});

export const ServiceFigures = z
  .object({
    participants: OptionalText(1000),
    beneficiaries: OptionalText(1000),
    /** 引进资金（万元） */
    fundsWan: z.number().min(0).max(1e9).nullable().optional(),
    peopleServed: z.number().int().min(0).max(1e9).nullable().optional(),
    projectsLanded: z.number().int().min(0).max(1e6).nullable().optional(),
    outcome: OptionalText(5000),
  })
  .meta({
    id: 'ServiceFigures',
    description:
      '社会服务成效：参与人员、受益对象、引进资金（万元）、服务人数、落地项目、成效 · The figures of a social service: participants, beneficiaries, funds attracted (in 10,000 yuan), people served, projects landed and outcome',
  });

export const CreateLedgerRecordRequest = z
  .discriminatedUnion('kind', [
    RecordBase.extend({
      kind: z.literal('invitation'),
      direction: z.enum(INVITATION_DIRECTIONS),
      subtype: z.enum(['meeting', 'affairs', 'inspection', 'activity']),
    }),
    RecordBase.extend({
      kind: z.literal('notice'),
      subtype: z.enum(NOTICE_SUBTYPES),
      /** 文号 */
      docNumber: OptionalText(100),
    }),
    RecordBase.extend({
      kind: z.literal('research'),
      subtype: z.enum(RESEARCH_SUBTYPES),
      team: ResearchTeam.optional(),
      /** 领导批示 */
      instruction: OptionalText(5000),
    }),
    RecordBase.extend({
      kind: z.literal('service'),
      subtype: z.enum(SERVICE_SUBTYPES),
      service: ServiceFigures.optional(),
    }),
    RecordBase.extend({ kind: z.literal('symposium') }),
  ])
  .meta({
    id: 'CreateLedgerRecordRequest',
    description:
      '新增一条台账记录：结对部门和联系对象、类别及该类别的字段、时间地点、对应的年度计划事项 · Records a piece of paired-liaison work in the ledger: the department and counterparts, the kind (invitation, notice, research, social service or symposium) with its own fields, time and place, and the annual-plan item it fulfils',
  });
export type CreateLedgerRecordRequest = z.infer<typeof CreateLedgerRecordRequest>;

export const UpdateLedgerRecordRequest = z
  .object({
    title: Text(200).optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.nullable().optional(),
    place: OptionalText(200),
    summary: OptionalText(5000),
    planItemId: Id.nullable().optional(),
    docNumber: OptionalText(100),
    team: ResearchTeam.optional(),
    instruction: OptionalText(5000),
    service: ServiceFigures.optional(),
  })
  .meta({
    id: 'UpdateLedgerRecordRequest',
    description:
      '修改台账记录：标题、时间、地点、概要、计划事项及该类别的字段（文号、调研组、领导批示、社会服务成效） · Changes to a ledger record: title, time, place, summary, plan item and the fields of its kind (document number, research team, leader’s instruction, service figures)',
  });
export type UpdateLedgerRecordRequest = z.infer<typeof UpdateLedgerRecordRequest>;

export const ReplyRequest = z
  .object({
    reply: z.enum(['attend', 'decline']),
    /** who goes */
    attendees: OptionalText(500),
    note: OptionalText(1000),
  })
  .meta({
    id: 'LedgerReplyRequest',
    description:
      '受邀单位对台账邀请的回复：参加或不参加、参加人员、备注 · An invited unit’s reply to a ledger invitation: attend or decline, who goes, and a note',
  });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const AttendanceRequest = z
  .object({
    attendance: z
      .array(z.object({ organisationId: Id, attended: z.boolean(), attendees: OptionalText(500) }))
      .min(1)
      .max(50),
    summary: OptionalText(5000),
  })
  .meta({
    id: 'AttendanceRequest',
    description:
      '邀请方登记各受邀单位的出席情况及活动概要 · The host of an invitation records which invited units attended, who went, and a summary',
  });
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;

export const ReceiptRequest = z.object({ read: z.boolean().default(false) }).meta({
  id: 'ReceiptRequest',
  description:
    '被通报的联系对象确认收到信息通报，可同时确认已阅 · A notified counterpart confirms it received a notice, and optionally that it has read it',
});
export type ReceiptRequest = z.infer<typeof ReceiptRequest>;

export const AdoptionRequest = z
  .object({
    adoption: z.enum(ADOPTIONS),
    /** what was done (required for 'implemented') */
    note: OptionalText(5000),
    instruction: OptionalText(5000),
  })
  .meta({
    id: 'AdoptionRequest',
    description:
      '部门登记调研成果的采纳情况（已落实须说明落实情况）及领导批示 · The department records whether research results were adopted (not adopted, adopted, partly adopted, or implemented with a note of what was done) and the leader’s instruction',
  });
export type AdoptionRequest = z.infer<typeof AdoptionRequest>;

export const MinutesRequest = z.object({ minutes: Text(50_000), summary: OptionalText(5000) }).meta({
  id: 'LedgerMinutesRequest',
  description:
    '对口联系工作座谈会的纪要和概要，登记后座谈会即为已召开 · The minutes and summary of a liaison symposium in the ledger; recording them marks the symposium as held',
});
export type MinutesRequest = z.infer<typeof MinutesRequest>;

export const LedgerResponseDto = z
  .object({
    organisation: Ref,
    reply: z.enum(['pending', 'attend', 'decline', 'n/a']),
    replyAttendees: z.string().nullable(),
    replyNote: z.string().nullable(),
    repliedAt: z.string().nullable(),
    repliedBy: z.string().nullable(),
    attended: z.boolean().nullable(),
    attendees: z.string().nullable(),
    receivedAt: z.string().nullable(),
    receivedBy: z.string().nullable(),
    readAt: z.string().nullable(),
    readBy: z.string().nullable(),
  })
  .meta({
    id: 'LedgerResponseDto',
    description:
      '一个受邀或被通报单位的回应：回复、出席、签收和阅读 · One invited or notified unit’s response to a ledger record: its reply, attendance, receipt and reading',
  });
export type LedgerResponseDto = z.infer<typeof LedgerResponseDto>;

export const LedgerRecordDto = z
  .object({
    id: z.number().int(),
    kind: LedgerKind,
    subtype: z.string(),
    direction: z.enum(INVITATION_DIRECTIONS).nullable(),
    year: z.number().int(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    place: z.string().nullable(),
    summary: z.string().nullable(),
    /** invitation: open | attended; notice: sent; research: ongoing | offered | taken; service: done; symposium: scheduled | held */
    status: z.string(),
    department: Ref,
    counterparts: z.array(Ref),
    host: Ref,
    planItemId: z.number().int().nullable(),
    notice: z.object({ docNumber: z.string().nullable() }).nullable(),
    research: z
      .object({
        team: ResearchTeam,
        instruction: z.string().nullable(),
        adoption: z.enum(ADOPTIONS),
        adoptionNote: z.string().nullable(),
        adoptedAt: z.string().nullable(),
        takenUpBy: Ref.nullable(),
        takenUpAt: z.string().nullable(),
      })
      .nullable(),
    service: z
      .object({
        participants: z.string().nullable(),
        beneficiaries: z.string().nullable(),
        fundsWan: z.number().nullable(),
        peopleServed: z.number().int().nullable(),
        projectsLanded: z.number().int().nullable(),
        outcome: z.string().nullable(),
      })
      .nullable(),
    symposium: z.object({ minutes: z.string().nullable(), heldAt: z.string().nullable() }).nullable(),
    responses: z.array(LedgerResponseDto),
    attachments: z.array(AttachmentDto),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({
      canEdit: z.boolean(),
      canReply: z.boolean(),
      canRecordAttendance: z.boolean(),
      canAcknowledge: z.boolean(),
      canTakeUp: z.boolean(),
      canAdopt: z.boolean(),
      canRecordMinutes: z.boolean(),
      canAttach: z.boolean(),
    }),
  })
  .meta({
    id: 'LedgerRecordDto',
    description:
      '一条台账记录：类别、时间地点、状态、结对双方、该类别的详情、各单位回应、附件及当前用户可做的操作 · A ledger record: kind, time and place, status, the pair, the details of its kind, each unit’s response, attachments and what the user may do',
  });
export type LedgerRecordDto = z.infer<typeof LedgerRecordDto>;

export const LedgerListQuery = z
  .object({
    year: Year.optional(),
    departmentId: Id.optional(),
    counterpartId: Id.optional(),
    kind: LedgerKind.optional(),
    /** words in the title, place or summary */
    q: z.string().trim().max(100).optional(),
    /** YYYY-MM-DD, Asia/Shanghai, inclusive */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    offset: z.coerce.number().int().min(0).default(0),
    /** newest first (the default: what was just entered is on the first page), or oldest first */
    order: z.enum(['newest', 'oldest']).default('newest'),
  })
  .meta({
    id: 'LedgerListQuery',
    description:
      '台账列表的筛选条件：年度、部门、联系对象、类别、关键词、日期范围、分页 · Filters of the ledger list: year, department, counterpart, kind, words, date range and paging',
  });
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

export const LedgerListResponse = z
  .object({
    items: z.array(LedgerRecordDto),
    total: z.number().int(),
    abilities: z.object({ canCreate: z.boolean() }),
  })
  .meta({
    id: 'LedgerListResponse',
    description:
      '台账记录列表 · A page of ledger records, with the total and whether the user may create one',
  });
export type LedgerListResponse = z.infer<typeof LedgerListResponse>;

// exports are chronological, as the printed ledger reads
export const LedgerExportQuery = LedgerListQuery.omit({ limit: true, offset: true, order: true })
  .extend({ year: Year })
  .meta({
    id: 'LedgerExportQuery',
    description:
      '导出台账的筛选条件（须指定年度，不分页） · Filters of a ledger export (.xlsx or .docx): the year (required), department, counterpart, kind, words and date range, without paging',
  });
export type LedgerExportQuery = z.infer<typeof LedgerExportQuery>;

export const LedgerSummaryResponse = z
  .object({
    year: z.number().int(),
    pairs: z.array(
      z.object({
        department: Ref,
        counterpart: Ref,
        invitationsDeptToCp: z.number().int(),
        invitationsCpToDept: z.number().int(),
        notices: z.number().int(),
        research: z.number().int(),
        services: z.number().int(),
        symposia: z.number().int(),
      }),
    ),
  })
  .meta({
    id: 'LedgerSummaryResponse',
    description:
      '年度台账汇总：每对结对单位各类工作的条数 · The year’s ledger summary: per department and counterpart pair, the invitations each way, notices, research, social services and symposia',
  });
export type LedgerSummaryResponse = z.infer<typeof LedgerSummaryResponse>;
