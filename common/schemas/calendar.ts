// The user's calendar: invitations, symposia and plan deadlines, as JSON and as an iCal feed.
import { z } from 'zod';

export const CALENDAR_EVENT_TYPES = ['invitation', 'symposium', 'plan_deadline'] as const;

export const CalendarQuery = z
  .object({
    /** YYYY-MM-DD (Asia/Shanghai), inclusive */
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .meta({
    id: 'CalendarQuery',
    description:
      '日程的查询条件：起止日期（含） · Filters of the calendar: from and to dates (Asia/Shanghai, inclusive)',
  });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarEventDto = z
  .object({
    /** stable across requests: the UID of the iCal event */
    uid: z.string(),
    type: z.enum(CALENDAR_EVENT_TYPES),
    title: z.string(),
    /** ISO instant (timed events) or YYYY-MM-DD (all-day plan deadlines) */
    start: z.string(),
    end: z.string().nullable(),
    allDay: z.boolean(),
    place: z.string().nullable(),
    status: z.string(),
    recordId: z.number().int().nullable(),
    planId: z.number().int().nullable(),
    department: z.string(),
    counterparts: z.array(z.string()),
  })
  .meta({
    id: 'CalendarEventDto',
    description:
      '日程中的一个事件：邀请、座谈会或计划截止日 · One calendar event: an invitation, a symposium or a plan deadline, with its time, place, status, department and counterparts',
  });
export type CalendarEventDto = z.infer<typeof CalendarEventDto>;

export const CalendarResponse = z
  .object({ items: z.array(CalendarEventDto) })
  .meta({ id: 'CalendarResponse', description: '一段时间内的日程 · The calendar events of a period' });
export type CalendarResponse = z.infer<typeof CalendarResponse>;

export const FeedTokenResponse = z
  .object({
    /** the subscription URL; shown once — only its hash is stored */
    url: z.string(),
    path: z.string(),
    createdAt: z.string(),
  })
  .meta({
    id: 'FeedTokenResponse',
    description:
      '新的私人日历订阅地址（只显示一次） · A new private iCal feed address, shown once (only its hash is stored)',
  });
export type FeedTokenResponse = z.infer<typeof FeedTokenResponse>;

export const FeedParams = z.object({ token: z.string().min(20).max(100) }).meta({
  id: 'FeedParams',
  description: '日历订阅的路径参数：订阅令牌 · Path parameter: the private iCal feed token',
});
