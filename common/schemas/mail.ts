// Notification e-mail (issue 7): per-user preferences and the delivery state the system admin watches.
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications.js';

/** What each kind of notification is about, in the preferences page and in e-mail subjects. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { zh: string; en: string }> = {
  filing_reminder: { zh: '登记表报送提醒', en: 'Registration form reminder' },
  filing_returned: { zh: '登记表退回', en: 'Registration form returned' },
  filing_filed: { zh: '登记表已备案', en: 'Registration form filed' },
  change_report: { zh: '人员变动报告', en: 'Personnel change report' },
  consultation_invitation: { zh: '协商座谈会邀请', en: 'Consultation invitation' },
  consultation_item: { zh: '新的意见建议', en: 'New suggestion' },
  consultation_reply: { zh: '意见建议答复', en: 'Reply to a suggestion' },
  consultation_reminder: { zh: '答复期限提醒', en: 'Reply due soon' },
  consultation_overdue: { zh: '答复逾期', en: 'Reply overdue' },
  consultation_extension: { zh: '答复延期申请', en: 'Extension request' },
  consultation_verdict: { zh: '答复评价', en: 'Verdict on a reply' },
  report_reminder: { zh: '年度报告提醒', en: 'Annual report reminder' },
  report_returned: { zh: '年度报告退回', en: 'Annual report returned' },
  report_accepted: { zh: '年度报告已审核', en: 'Annual report accepted' },
  report_comment: { zh: '年度报告意见', en: 'Comment on an annual report' },
  deadline_reminder: { zh: '到期提醒', en: 'Due soon' },
  deadline_overdue: { zh: '逾期提醒', en: 'Overdue' },
  plan_item_overdue: { zh: '工作计划事项逾期', en: 'Plan item overdue' },
  rsvp_reminder: { zh: '邀请回复提醒', en: 'Invitation awaiting your reply' },
  account_pending: { zh: '账号待开通', en: 'Account awaiting activation' },
  ledger_invitation: { zh: '活动邀请', en: 'Invitation received' },
  ledger_notice: { zh: '信息通报', en: 'Information notice received' },
  ledger_rsvp: { zh: '邀请回复', en: 'Reply to your invitation' },
  consultation_urged: { zh: '督办', en: 'Overdue reply pressed by the United Front Work Department' },
};

export const NotificationKindEnum = z
  .enum(NOTIFICATION_KINDS)
  .meta({ id: 'NotificationKindEnum', description: '通知类别 · A kind of notification' });

export const NotificationPreferencesResponse = z
  .object({
    /** the address e-mail goes to; null: the user has none, so nothing is sent whatever the switches say */
    email: z.string().nullable(),
    /** whether this deployment sends e-mail at all (LIAISON_SMTP_URL is set) */
    emailEnabled: z.boolean(),
    kinds: z.array(
      z.object({
        kind: NotificationKindEnum,
        label: z.string(),
        email: z.boolean(),
      }),
    ),
  })
  .meta({
    id: 'NotificationPreferencesResponse',
    description:
      '个人通知设置：邮箱及各类通知是否发邮件 · A user’s notification preferences: their e-mail address and, per kind, whether to e-mail it',
  });
export type NotificationPreferencesResponse = z.infer<typeof NotificationPreferencesResponse>;

export const UpdateNotificationPreferencesRequest = z
  .object({
    kinds: z
      .array(z.object({ kind: NotificationKindEnum, email: z.boolean() }))
      .min(1)
      .max(NOTIFICATION_KINDS.length),
  })
  .meta({
    id: 'UpdateNotificationPreferencesRequest',
    description: '修改各类通知是否发邮件 · Switches e-mail on or off per kind of notification',
  });
export type UpdateNotificationPreferencesRequest = z.infer<typeof UpdateNotificationPreferencesRequest>;

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliveryListQuery = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .meta({
    id: 'DeliveryListQuery',
    description: '邮件发送记录的筛选条件 · Filters of the e-mail delivery list: status and limit',
  });
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

/** A delivery as the system admin sees it: who, what kind, what happened — never the message itself. */
export const DeliveryDto = z
  .object({
    id: z.number().int(),
    notificationId: z.number().int(),
    channel: z.literal('email'),
    kind: z.string(),
    username: z.string(),
    recipient: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({
    id: 'DeliveryDto',
    description:
      '一条通知邮件的发送记录（不含邮件内容） · One notification e-mail’s delivery as the system administrator sees it, never the message itself',
  });
export type DeliveryDto = z.infer<typeof DeliveryDto>;

export const DeliveryListResponse = z
  .object({ items: z.array(DeliveryDto) })
  .meta({ id: 'DeliveryListResponse', description: '通知邮件发送记录 · The notification e-mail deliveries' });
export type DeliveryListResponse = z.infer<typeof DeliveryListResponse>;
