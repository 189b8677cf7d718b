import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'filing_reminder',
  'filing_returned',
  'filing_filed',
  'change_report',
  'consultation_invitation',
  'consultation_item',
  'consultation_reply',
  'consultation_reminder',
  'consultation_overdue',
  'consultation_extension',
  'consultation_verdict',
  'report_reminder',
  'report_returned',
  'report_accepted',
  'report_comment',
  // issue 7: the sweep's deadline reminders
  'deadline_reminder',
  'deadline_overdue',
  'plan_item_overdue',
  'rsvp_reminder',
  // issue 18: an account waits for 统战部 to issue its holder an activation code
  'account_pending',
  // issue 15: the ledger's events reach the other side when they happen, not only by reminder
  'ledger_invitation',
  'ledger_notice',
  'ledger_rsvp',
  'consultation_urged',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationDto = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string(),
    body: z.string(),
    /** where in the app the notification leads */
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({
    id: 'NotificationDto',
    description: '一条站内通知 · One in-app notification: kind, title, body, link, and when read',
  });
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationListQuery = z
  .object({
    /** '1': unread only */
    unread: z.enum(['0', '1']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({
    id: 'NotificationListQuery',
    description: '通知列表的筛选条件 · Filters of one’s notifications: unread only, limit',
  });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationListResponse = z
  .object({
    items: z.array(NotificationDto),
    /** unread count over all of the user's notifications (the bell's badge) */
    unread: z.number().int(),
  })
  .meta({
    id: 'NotificationListResponse',
    description: '本人的通知及未读数 · One’s notifications, newest first, with the unread count',
  });
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

export const MarkAllReadResponse = z.object({ marked: z.number().int() }).meta({
  id: 'MarkAllReadResponse',
  description: '标为已读的通知数 · How many notifications were marked read',
});
