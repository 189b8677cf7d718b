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

export const ReportSectionKey = z.enum(REPORT_SECTION_KEYS);

export const SentenceDto = z.object({
  text: z.string(),
  sources: z.array(z.object({ type: z.enum(SOURCE_TYPES), id: z.number().int() })),
});
export type SentenceDto = z.infer<typeof SentenceDto>;

export const ReportSectionDto = z.object({
  key: ReportSectionKey,
  title: z.string(),
  /** written from this year's records now, sentence by sentence, each with the records behind it */
  generated: z.object({ text: z.string(), sentences: z.array(SentenceDto) }),
  /** what the report says: the department's text where it edited the section, else the generated text */
  text: z.string(),
  edited: z.boolean(),
  /** the generated text when the department last saved (to show what it changed, or what changed since) */
  generatedWhenSaved: z.string().nullable(),
});
export type ReportSectionDto = z.infer<typeof ReportSectionDto>;

export const ReportPersonDto = z.object({ name: z.string(), phone: z.string().nullable() });

export const ReportCommentDto = z.object({
  id: z.number().int(),
  organisation: Ref,
  author: z.string().nullable(),
  sectionKey: ReportSectionKey.nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const ReportVersionSummary = z.object({
  version: z.number().int(),
  action: z.enum(['saved', 'submitted', 'returned', 'accepted']),
  status: z.enum(REPORT_STATUSES),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const ReportDto = z.object({
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
});
export type ReportDto = z.infer<typeof ReportDto>;

export const ReportParams = z.object({ departmentId: Id, year: Year });
export const ReportVersionParams = ReportParams.extend({ version: z.coerce.number().int().min(1) });

/** Each section's text; null puts the generated text back. Sections left out keep what they had. */
const SectionText = Text(20_000).nullable().optional();
export const ReportSectionsInput = z.object({
  meetings: SectionText,
  consultation: SectionText,
  invitations: SectionText,
  information: SectionText,
  research: SectionText,
  socialService: SectionText,
  other: SectionText,
});
export type ReportSectionsInput = z.infer<typeof ReportSectionsInput>;
export const SaveReportRequest = z.object({ sections: ReportSectionsInput });
export type SaveReportRequest = z.infer<typeof SaveReportRequest>;

/** Submit what is saved, or save these sections and submit them in one step. */
export const SubmitReportRequest = z.object({ sections: ReportSectionsInput.optional() }).nullish();
export type SubmitReportRequest = z.infer<typeof SubmitReportRequest>;
export const ReturnReportRequest = z.object({ comment: Text(2000) });
export const AcceptReportRequest = z.object({ comment: OptionalText(2000) }).nullish();
export const CommentReportRequest = z.object({ body: Text(2000), sectionKey: ReportSectionKey.nullish() });
export type CommentReportRequest = z.infer<typeof CommentReportRequest>;

export const ReportVersionDto = ReportVersionSummary.extend({
  sections: z.array(
    z.object({ key: ReportSectionKey, title: z.string(), text: z.string(), generated: z.string() }),
  ),
});

export const YearQuery = z.object({ year: Year });

export const ReportRoundDto = z.object({
  year: z.number().int(),
  regionId: z.number().int(),
  deadline: z.string(),
  /** no deadline was set: 1月31日 of the next year */
  isDefault: z.boolean(),
});
export const SetReportRoundRequest = z.object({ deadline: IsoDate });
export const ReportRoundParams = z.object({ year: Year });

export const ReportStatusItem = z.object({
  department: Ref,
  status: z.enum(REPORT_STATUSES),
  deadline: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  submittedLate: z.boolean(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});
export type ReportStatusItem = z.infer<typeof ReportStatusItem>;

export const ReportStatusResponse = z.object({
  year: z.number().int(),
  today: z.string(),
  counts: z.record(z.enum(REPORT_STATUSES), z.number().int()),
  items: z.array(ReportStatusItem),
});
export type ReportStatusResponse = z.infer<typeof ReportStatusResponse>;

export const ReportRemindResponse = z.object({
  departments: z.array(Ref),
  notified: z.number().int(),
  alreadyNotified: z.number().int(),
  departmentsWithoutUsers: z.array(Ref),
});
export type ReportRemindResponse = z.infer<typeof ReportRemindResponse>;

export const AnnualReportDocxQuery = z.object({
  year: Year,
  departmentId: Id.optional(),
  /** '1': every report the actor may read, one form a page */
  all: z.enum(['0', '1']).optional(),
});
export type AnnualReportDocxQuery = z.infer<typeof AnnualReportDocxQuery>;

// ---------------------------------------------------------------------------------------------------------
// Mutual evaluation (beyond the seed)

export const EVALUATION_SIDES = ['department', 'counterpart'] as const;

export const EvaluationRequest = z.object({
  year: Year,
  /** the other side of the pair: a department user names the counterpart, a counterpart user the department */
  partnerId: Id,
  score: z.number().int().min(1).max(5),
  comment: OptionalText(1000),
});
export type EvaluationRequest = z.infer<typeof EvaluationRequest>;

export const EvaluationDto = z.object({
  id: z.number().int(),
  year: z.number().int(),
  department: Ref,
  counterpart: Ref,
  /** who rated: the department (rating the counterpart) or the counterpart (rating the department) */
  raterSide: z.enum(EVALUATION_SIDES),
  score: z.number().int(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export type EvaluationDto = z.infer<typeof EvaluationDto>;

export const EvaluationListResponse = z.object({ items: z.array(EvaluationDto) });

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

export const ConferencePairDto = z.object({
  department: Ref,
  counterpart: Ref,
  counts: Counts,
  /** nothing of any kind recorded for the pair this year */
  empty: z.boolean(),
  departmentScore: z.number().int().nullable(),
  counterpartScore: z.number().int().nullable(),
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

export const ConferenceResponse = z.object({
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
});
export type ConferenceResponse = z.infer<typeof ConferenceResponse>;

// ---------------------------------------------------------------------------------------------------------
// Jobs

export const JOB_TYPES = ['conference-pack-docx', 'conference-pack-xlsx', 'annual-reports-docx'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const CreateJobRequest = z.object({ type: z.enum(JOB_TYPES), year: Year });
export type CreateJobRequest = z.infer<typeof CreateJobRequest>;

export const JobParams = z.object({ id: z.uuid() });

export const JobDto = z.object({
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
});
export type JobDto = z.infer<typeof JobDto>;
export const CreateJobResponse = z.object({ id: z.string() });
