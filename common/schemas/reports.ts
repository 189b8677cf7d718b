// 附件3 年度对口联系工作情况报告表: the draft written from the records, its review, the district conference pack
// (全区对口联系工作会议, 四(三)), mutual evaluations and the jobs that build long documents (issue 6).
import { z } from 'zod';
import { REPORT_SECTION_KEYS, SOURCE_TYPES } from '../report-prose.js';
import { IsoDate } from './roster.js';
import { Id, OptionalText, Ref, Text, Year } from './shared.js';

/** What is stored for a department's report; `not_started` is the absence of a row. */
export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  not_started: { zh: '未开始', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已接受', en: 'Accepted' },
};

export const ReportSectionKey = z.enum(REPORT_SECTION_KEYS).meta({
  id: 'ReportSectionKey',
  description:
    '附件3年度报告的栏目 · A section of the 附件3 annual report: meetings, consultation, invitations, information, research, social service, other',
});

export const SentenceDto = z
  .object({
    text: z.string(),
    sources: z.array(z.object({ type: z.enum(SOURCE_TYPES), id: z.number().int() })),
  })
  .meta({
    id: 'SentenceDto',
    description:
      '根据记录生成的一句报告文字及其依据记录 · One generated sentence of a report, with the records it was written from (ledger, consultation, suggestion, plan, plan item)',
  });
export type SentenceDto = z.infer<typeof SentenceDto>;

export const ReportSectionDto = z
  .object({
    key: ReportSectionKey,
    title: z.string(),
    /** written from this year's records now, sentence by sentence, each with the records behind it */
    generated: z.object({ text: z.string(), sentences: z.array(SentenceDto) }),
    /** what the report says: the department's text where it edited the section, else the generated text */
    text: z.string(),
    edited: z.boolean(),
    /** the generated text when the department last saved (to show what it changed, or what changed since) */
    generatedWhenSaved: z.string().nullable(),
  })
  .meta({
    id: 'ReportSectionDto',
    description:
      '附件3年度报告的一个栏目：生成文字、单位修改后的文字 · One section of a 附件3 annual report: the text generated from the records and the text the department edited',
  });
export type ReportSectionDto = z.infer<typeof ReportSectionDto>;

export const ReportPersonDto = z.object({ name: z.string(), phone: z.string().nullable() }).meta({
  id: 'ReportPersonDto',
  description:
    '报告表头上的分管领导或联络员：姓名和电话 · The leader in charge or liaison officer on a report’s header: name and phone (masked for other units)',
});

export const ReportCommentDto = z
  .object({
    id: z.number().int(),
    organisation: Ref,
    author: z.string().nullable(),
    sectionKey: ReportSectionKey.nullable(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({
    id: 'ReportCommentDto',
    description:
      '对年度报告的一条批注 · A comment on an annual report, by its unit and author, optionally on one section',
  });

export const ReportVersionSummary = z
  .object({
    version: z.number().int(),
    action: z.enum(['saved', 'submitted', 'returned', 'accepted']),
    status: z.enum(REPORT_STATUSES),
    note: z.string().nullable(),
    actor: z.string().nullable(),
    at: z.string(),
  })
  .meta({
    id: 'ReportVersionSummary',
    description:
      '年度报告的一个历史版本：保存、提交、退回或接收 · One version of an annual report: saved, submitted, returned or accepted, with note, actor and time',
  });

export const ReportDto = z
  .object({
    id: z.number().int().nullable(),
    year: z.number().int(),
    department: Ref,
    status: z.enum(REPORT_STATUSES),
    version: z.number().int(),
    /** 'YYYY-MM-DD' */
    deadline: z.string(),
    /** days from today (Asia/Shanghai) to the deadline; negative = past it */
    daysLeft: z.number().int(),
    /** not in (not started, draft, returned) and past the deadline */
    overdue: z.boolean(),
    /** first submitted after the deadline */
    submittedLate: z.boolean(),
    firstSubmittedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    returnComment: z.string().nullable(),
    header: z.object({
      /** the date the form prints: the submission day, else today */
      date: z.string(),
      counterparts: z.array(Ref),
      leader: ReportPersonDto.nullable(),
      liaison: ReportPersonDto.nullable(),
      phonesMasked: z.boolean(),
    }),
    sections: z.array(ReportSectionDto),
    versions: z.array(ReportVersionSummary),
    comments: z.array(ReportCommentDto),
    abilities: z.object({
      canEdit: z.boolean(),
      canSubmit: z.boolean(),
      canReview: z.boolean(),
      canComment: z.boolean(),
    }),
  })
  .meta({
    id: 'ReportDto',
    description:
      '单位的附件3年度对口联系工作情况报告表：状态、截止日期、表头、各栏目、历史版本和批注 · A department’s 附件3 annual paired-liaison report: status, deadline, header, sections, versions and comments',
  });
export type ReportDto = z.infer<typeof ReportDto>;

export const ReportParams = z.object({ departmentId: Id, year: Year }).meta({
  id: 'ReportParams',
  description:
    '年度报告的路径参数：单位编号和年度 · Path parameters of an annual report: the department’s id and the year',
});
export const ReportVersionParams = ReportParams.extend({ version: z.coerce.number().int().min(1) }).meta({
  id: 'ReportVersionParams',
  description:
    '年度报告历史版本的路径参数：单位编号、年度和版本号 · Path parameters of an annual report version: department id, year and version number',
});

/** Each section's text; null puts the generated text back. Sections left out keep what they had. */
const SectionText = Text(20_000).nullable().optional();
export const ReportSectionsInput = z
  .object({
    meetings: SectionText,
    consultation: SectionText,
    invitations: SectionText,
    information: SectionText,
    research: SectionText,
    socialService: SectionText,
    other: SectionText,
  })
  .meta({
    id: 'ReportSectionsInput',
    description:
      '年度报告各栏目的文字，null恢复生成文字，未列出的栏目不变 · The text of each annual report section; null puts the generated text back, and sections left out are kept',
  });
export type ReportSectionsInput = z.infer<typeof ReportSectionsInput>;
export const SaveReportRequest = z.object({ sections: ReportSectionsInput }).meta({
  id: 'SaveReportRequest',
  description: '保存年度报告草稿 · Saves a department’s annual report draft: the text of its sections',
});
export type SaveReportRequest = z.infer<typeof SaveReportRequest>;

/** Submit what is saved, or save these sections and submit them in one step. */
export const SubmitReportRequest = z.object({ sections: ReportSectionsInput.optional() }).nullish().meta({
  id: 'SubmitReportRequest',
  description:
    '报送年度报告，可同时保存各栏目文字 · Submits an annual report as saved, or saves these sections and submits them in one step',
});
export type SubmitReportRequest = z.infer<typeof SubmitReportRequest>;
export const ReturnReportRequest = z.object({ comment: Text(2000) }).meta({
  id: 'ReturnReportRequest',
  description: '统战部退回年度报告并说明理由 · 统战部 returns a submitted annual report, with a reason',
});
export const AcceptReportRequest = z
  .object({ comment: OptionalText(2000) })
  .nullish()
  .meta({
    id: 'AcceptReportRequest',
    description:
      '统战部接收年度报告，可附意见 · 统战部 accepts a submitted annual report, with an optional comment',
  });
export const CommentReportRequest = z
  .object({ body: Text(2000), sectionKey: ReportSectionKey.nullish() })
  .meta({
    id: 'CommentReportRequest',
    description: '对年度报告的批注，可指定栏目 · A comment on an annual report, optionally on one section',
  });
export type CommentReportRequest = z.infer<typeof CommentReportRequest>;

export const ReportVersionDto = ReportVersionSummary.extend({
  sections: z.array(
    z.object({ key: ReportSectionKey, title: z.string(), text: z.string(), generated: z.string() }),
  ),
}).meta({
  id: 'ReportVersionDto',
  description:
    '年度报告的一个历史版本及当时各栏目文字 · One earlier version of an annual report, with the text of each section at the time',
});

export const YearQuery = z
  .object({ year: Year })
  .meta({ id: 'YearQuery', description: '按年度筛选的查询参数 · Query parameter: the year' });

export const ReportRoundDto = z
  .object({
    year: z.number().int(),
    regionId: z.number().int(),
    deadline: z.string(),
    /** no deadline was set: 1月31日 of the next year */
    isDefault: z.boolean(),
  })
  .meta({
    id: 'ReportRoundDto',
    description:
      '本区某年度年度报告的截止日期 · The region’s annual report deadline for a year, and whether it is the default (31 January of the next year)',
  });
export const SetReportRoundRequest = z.object({ deadline: IsoDate }).meta({
  id: 'SetReportRoundRequest',
  description: '统战部设置年度报告截止日期 · 统战部 sets the year’s annual report deadline',
});
export const ReportRoundParams = z
  .object({ year: Year })
  .meta({ id: 'ReportRoundParams', description: '年度的路径参数 · Path parameter: the year' });

export const ReportStatusItem = z
  .object({
    department: Ref,
    status: z.enum(REPORT_STATUSES),
    deadline: z.string(),
    daysLeft: z.number().int(),
    overdue: z.boolean(),
    submittedLate: z.boolean(),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
  })
  .meta({
    id: 'ReportStatusItem',
    description:
      '一个单位年度报告的报送进度：状态、截止日期、剩余天数、是否逾期 · One department’s annual report progress: status, deadline, days left, overdue or submitted late',
  });
export type ReportStatusItem = z.infer<typeof ReportStatusItem>;

export const ReportStatusResponse = z
  .object({
    year: z.number().int(),
    today: z.string(),
    counts: z.record(z.enum(REPORT_STATUSES), z.number().int()),
    items: z.array(ReportStatusItem),
  })
  .meta({
    id: 'ReportStatusResponse',
    description:
      '年度报告报送进度表：各状态数量和各单位情况 · The annual report status board of a year: counts by status and a row per department',
  });
export type ReportStatusResponse = z.infer<typeof ReportStatusResponse>;

export const ReportRemindResponse = z
  .object({
    departments: z.array(Ref),
    notified: z.number().int(),
    alreadyNotified: z.number().int(),
    departmentsWithoutUsers: z.array(Ref),
  })
  .meta({
    id: 'ReportRemindResponse',
    description:
      '催报年度报告的结果：催报单位、已通知人数、今日已通知人数、无用户的单位 · The result of reminding departments to submit: the departments, users notified, users already notified today, departments without users',
  });
export type ReportRemindResponse = z.infer<typeof ReportRemindResponse>;

export const AnnualReportDocxQuery = z
  .object({
    year: Year,
    departmentId: Id.optional(),
    /** '1': every report the actor may read, one form a page */
    all: z.enum(['0', '1']).optional(),
  })
  .meta({
    id: 'AnnualReportDocxQuery',
    description:
      '导出附件3（Word）的查询参数：年度、单位或全部 · Query of the 附件3 Word export: the year, and one department or every report the user may read',
  });
export type AnnualReportDocxQuery = z.infer<typeof AnnualReportDocxQuery>;

// ---------------------------------------------------------------------------------------------------------
// Mutual evaluation (beyond the seed)

export const EVALUATION_SIDES = ['department', 'counterpart'] as const;

export const EvaluationRequest = z
  .object({
    year: Year,
    /** the other side of the pair: a department user names the counterpart, a counterpart user the department */
    partnerId: Id,
    score: z.number().int().min(1).max(5),
    comment: OptionalText(1000),
  })
  .meta({
    id: 'EvaluationRequest',
    description:
      '对口联系双方互评：年度、对方单位、1至5分和评语 · A mutual evaluation of the other side of one’s pair: year, partner, a score of 1 to 5 and a comment',
  });
export type EvaluationRequest = z.infer<typeof EvaluationRequest>;

export const EvaluationDto = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    department: Ref,
    counterpart: Ref,
    /** who rated: the department (rating the counterpart) or the counterpart (rating the department) */
    raterSide: z.enum(EVALUATION_SIDES),
    score: z.number().int(),
    comment: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({
    id: 'EvaluationDto',
    description:
      '一条互评：年度、部门、联系对象、评价方、分数和评语 · One mutual evaluation: year, department, counterpart, which side rated, score and comment',
  });
export type EvaluationDto = z.infer<typeof EvaluationDto>;

export const EvaluationListResponse = z.object({ items: z.array(EvaluationDto) }).meta({
  id: 'EvaluationListResponse',
  description: '年度互评列表 · The year’s mutual evaluations of the pairs in the user’s scope',
});

// ---------------------------------------------------------------------------------------------------------
// The district conference pack

/**
 * A year's counts of what took place (as of the day the pack is made): symposia held, invitations whose day has
 * come, matters consulted on, suggestions received; what is still ahead is in `ahead`.
 */
const Counts = z.object({
  symposia: z.number().int(),
  consultations: z.number().int(),
  suggestions: z.number().int(),
  invitationsDeptToCp: z.number().int(),
  invitationsCpToDept: z.number().int(),
  notices: z.number().int(),
  research: z.number().int(),
  services: z.number().int(),
});
export type ConferenceCounts = z.infer<typeof Counts>;

export const ConferencePairDto = z
  .object({
    department: Ref,
    counterpart: Ref,
    counts: Counts,
    /** nothing of any kind recorded for the pair this year */
    empty: z.boolean(),
    departmentScore: z.number().int().nullable(),
    counterpartScore: z.number().int().nullable(),
  })
  .meta({
    id: 'ConferencePairDto',
    description:
      '全区对口联系工作会议材料中一对结对单位的年度情况 · One pair’s figures in the district conference pack: counts of what took place, whether nothing was recorded, and both sides’ scores',
  });

const Attendance = z.object({
  total: z.number().int(),
  attended: z.number().int(),
  declined: z.number().int(),
  /** the day has come, attendance not recorded yet */
  awaiting: z.number().int(),
  /** not yet held */
  ahead: z.number().int(),
});

export const ConferenceResponse = z
  .object({
    year: z.number().int(),
    generatedAt: z.string(),
    /** the day the figures are as of (Asia/Shanghai) */
    asOf: z.string(),
    totals: Counts,
    /** scheduled but not yet held (not in `totals`) */
    ahead: z.object({
      symposia: z.number().int(),
      symposiumDates: z.array(z.string()),
      invitationsDeptToCp: z.number().int(),
      invitationsCpToDept: z.number().int(),
      consultationSymposia: z.number().int(),
    }),
    attendance: z.object({ deptToCp: Attendance, cpToDept: Attendance }),
    pairs: z.array(ConferencePairDto),
    /** suggestions from a counterpart not paired with the department that year: their own rows */
    others: z.array(z.object({ department: Ref, counterpart: Ref, suggestions: z.number().int() })),
    counterparts: z.number().int(),
    consultation: z.object({
      /** false until the consultation module answers for the year */
      available: z.boolean(),
      matters: z.number().int(),
      suggestions: z.number().int(),
      replied: z.number().int(),
      repliedOnTime: z.number().int(),
      /** repliedOnTime / replied, 0..1; null with nothing replied */
      onTimeRate: z.number().nullable(),
      late: z.number().int(),
      /** not replied yet; `overdue` of them past the due date */
      open: z.number().int(),
      overdue: z.number().int(),
      adopted: z.number().int(),
      partly: z.number().int(),
      forReference: z.number().int(),
      notAdopted: z.number().int(),
      underStudy: z.number().int(),
      /** (adopted + partly) / replied */
      adoptionRate: z.number().nullable(),
      /** the counterparts' verdicts on the replies of every round, when given */
      satisfied: z.number().int(),
      dissatisfied: z.number().int(),
      satisfactionRate: z.number().nullable(),
      verdicts: z.array(
        z.object({
          round: z.number().int(),
          satisfied: z.number().int(),
          basicallySatisfied: z.number().int(),
          notSatisfied: z.number().int(),
        }),
      ),
      symposiaHeld: z.number().int(),
      symposiaScheduled: z.number().int(),
      /** matters decided before their symposium was held (先协商后决策 not kept) */
      breaches: z.array(
        z.object({
          department: Ref,
          matter: Ref,
          decidedDate: z.string().nullable(),
          symposiumDate: z.string().nullable(),
          symposiumHeld: z.boolean(),
        }),
      ),
    }),
    plans: z.object({
      departments: z.number().int(),
      withPlan: z.number().int(),
      items: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      pending: z.number().int(),
    }),
    reports: z.object({
      departments: z.number().int(),
      counts: z.record(z.enum(REPORT_STATUSES), z.number().int()),
      submittedLate: z.number().int(),
    }),
    /** units (departments or counterparts) with nothing recorded in the year */
    unitsWithNothing: z.array(Ref.extend({ kind: z.enum(['department', 'counterpart']) })),
    evaluations: z.object({
      count: z.number().int(),
      averageOfDepartments: z.number().nullable(),
      averageOfCounterparts: z.number().nullable(),
      items: z.array(EvaluationDto),
    }),
    /** the brief's paragraphs, written from the figures above (server/modules/conference/pack-prose.ts) */
    prose: z.object({
      overview: z.string(),
      consultation: z.string(),
      breaches: z.string().nullable(),
      plans: z.string(),
      reports: z.string(),
      unitsWithNothing: z.string(),
      evaluations: z.string(),
    }),
  })
  .meta({
    id: 'ConferenceResponse',
    description:
      '全区对口联系工作会议材料：年度统计、协商办理、工作计划、年度报告、互评和文字说明 · The district conference pack of a year: activity figures, consultation, plans, annual reports, evaluations and the brief’s paragraphs',
  });
export type ConferenceResponse = z.infer<typeof ConferenceResponse>;

// ---------------------------------------------------------------------------------------------------------
// Jobs

export const JOB_TYPES = ['conference-pack-docx', 'conference-pack-xlsx', 'annual-reports-docx'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const CreateJobRequest = z.object({ type: z.enum(JOB_TYPES), year: Year }).meta({
  id: 'CreateJobRequest',
  description:
    '新建后台任务：会议材料或年度报告文档及年度 · Starts a background job that builds a long document (conference pack or annual reports) for a year',
});
export type CreateJobRequest = z.infer<typeof CreateJobRequest>;

export const JobParams = z.object({ id: z.uuid() }).meta({
  id: 'JobParams',
  description: '后台任务的路径参数 · Path parameter: a background job’s id (a UUID)',
});

export const JobDto = z
  .object({
    id: z.string(),
    type: z.enum(JOB_TYPES),
    status: z.enum(JOB_STATUSES),
    progress: z.number().int().min(0).max(100),
    message: z.string().nullable(),
    /** where to download the result once done */
    resultUrl: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({
    id: 'JobDto',
    description:
      '一个后台任务：类型、状态、进度和结果下载地址 · A background job: type, status, progress, and where to download the result once done',
  });
export type JobDto = z.infer<typeof JobDto>;
export const CreateJobResponse = z.object({ id: z.string() }).meta({
  id: 'CreateJobResponse',
  description: '新建的后台任务编号 · The id of the background job just started',
});
