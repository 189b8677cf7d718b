// "My work" (issue 7): the landing page of every business role — what is due for the user and the user's
// unit, sorted by due date, and what changed since the last visit.
import { z } from 'zod';
import { Ref } from './shared.js';

export const WORK_ITEM_TYPES = [
  'rsvp', // an invitation waiting for my unit's reply
  'plan_item', // an item of my department's plan, nothing done yet
  'filing', // my unit's 附件2 in an open round, not submitted (or returned)
  'report', // my department's annual report, not submitted (or returned)
  'symposium', // the year's liaison symposium of a pair, not held yet
  'plan', // the year's work plan, not agreed yet
  'suggestion_reply', // an opinion or suggestion my department must answer (issue 5)
  'reply_verdict', // a reply my counterpart should rate (issue 5)
  'change_report', // 统战部: a personnel change to acknowledge
  'filing_review', // 统战部: a submitted form to file or return
  'report_review', // 统战部: a submitted annual report to review
  'extension_request', // 统战部: a request to extend a reply deadline (issue 5)
  'notice_unread', // a notice sent to my unit, not marked read yet (issue 15)
  'suggestion_overdue', // 统战部: a reply overdue in its region, to press (督办, issue 15)
] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

export const WORK_ITEM_LABELS: Record<WorkItemType, { zh: string; en: string }> = {
  rsvp: { zh: '邀请待回复', en: 'Invitation to answer' },
  plan_item: { zh: '计划事项', en: 'Plan item' },
  filing: { zh: '登记表待报送', en: 'Registration form due' },
  report: { zh: '年度报告待报送', en: 'Annual report due' },
  symposium: { zh: '座谈会待召开', en: 'Symposium due' },
  plan: { zh: '年度计划待制定', en: 'Annual plan due' },
  suggestion_reply: { zh: '意见建议待答复', en: 'Suggestion to answer' },
  reply_verdict: { zh: '答复待评价', en: 'Reply to rate' },
  change_report: { zh: '人员变动待确认', en: 'Change report to acknowledge' },
  filing_review: { zh: '登记表待审核', en: 'Form to review' },
  report_review: { zh: '年度报告待审核', en: 'Report to review' },
  extension_request: { zh: '延期申请待处理', en: 'Extension request' },
  notice_unread: { zh: '通报待阅知', en: 'Notice to read' },
  suggestion_overdue: { zh: '逾期待督办', en: 'Overdue reply to press' },
};

export const WorkItem = z
  .object({
    type: z.enum(WORK_ITEM_TYPES),
    title: z.string(),
    /** YYYY-MM-DD (Asia/Shanghai); null: no deadline */
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    /** web path */
    link: z.string(),
    /** the unit the item belongs to */
    organisation: Ref,
  })
  .meta({
    id: 'WorkItem',
    description:
      '我的待办中的一项：类别、标题、截止日期、是否逾期、链接和所属单位 · One item of “my work”: type (invitation to answer, plan item, registration form or annual report due, symposium, suggestion to answer, reply to rate, item to review), title, due date, overdue, web link and the unit it belongs to',
  });
export type WorkItem = z.infer<typeof WorkItem>;

export const ChangeItem = z
  .object({
    /** 'notification' | 'ledger' */
    type: z.string(),
    title: z.string(),
    at: z.string(),
    link: z.string().nullable(),
  })
  .meta({
    id: 'ChangeItem',
    description:
      '上次查看以来的一项变化（通知或台账记录） · One change since the last visit: a notification or a ledger record, with its title, time and link',
  });

export const MyWorkResponse = z
  .object({
    today: z.string(),
    /** when this answer was made: POST /my-work/seen with it marks the session's visit (a GET changes nothing) */
    generatedAt: z.string(),
    items: z.array(WorkItem),
    overdue: z.number().int(),
    changes: z.object({
      /** the user's last visit in another sign-in session, or when they marked all as seen in this one; null: the first */
      since: z.string().nullable(),
      items: z.array(ChangeItem),
    }),
  })
  .meta({
    id: 'MyWorkResponse',
    description:
      '我的待办：按截止日期排列的待办事项、逾期数和上次查看以来的变化 · “My work”: what is due for the user and their unit sorted by due date, the overdue count, and what changed since the last visit',
  });
export type MyWorkResponse = z.infer<typeof MyWorkResponse>;

export const MarkWorkSeenRequest = z
  .object({
    at: z.iso.datetime(),
    /** 全部标为已读: "changed since" starts at `at` in this session too */
    all: z.boolean().optional(),
  })
  .meta({
    id: 'MarkWorkSeenRequest',
    description:
      '标记我的待办已查看（取其生成时间）；all 为真时全部标为已读 · Marks “my work” as seen in this session, at the generatedAt time of the answer the user saw; with all, every change up to then counts as seen',
  });
export type MarkWorkSeenRequest = z.infer<typeof MarkWorkSeenRequest>;
