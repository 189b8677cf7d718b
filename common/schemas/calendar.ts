// The user's calendar: invitations, symposia and plan deadlines, as JSON and as an iCal feed.
import { z } from 'zod';

export const CALENDAR_EVENT_TYPES = ['invitation', 'symposium', 'plan_deadline'] as const;

export const CalendarQuery = z.object({
  /** YYYY-MM-DD (Asia/Shanghai), inclusive */
  from: z.iso.date(),
  to: z.iso.date(),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarEventDto = z.object({
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
});
export type CalendarEventDto = z.infer<typeof CalendarEventDto>;

export const CalendarResponse = z.object({ items: z.array(CalendarEventDto) });
export type CalendarResponse = z.infer<typeof CalendarResponse>;

export const FeedTokenResponse = z.object({
  /** the subscription URL; shown once — only its hash is stored */
  url: z.string(),
  path: z.string(),
  createdAt: z.string(),
});
export type FeedTokenResponse = z.infer<typeof FeedTokenResponse>;

export const FeedParams = z.object({ token: z.string().min(20).max(100) });
