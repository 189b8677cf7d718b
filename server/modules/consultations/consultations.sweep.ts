// The escalation sweep: reminders about unanswered opinions and suggestions, each exactly once.

import type { Kysely } from 'kysely';
import type { ReminderStage } from '../../../common/schemas/consultations.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { subtractWorkingDays } from '../../../common/working-days.js';
import type { Database } from '../../db/schema.js';
import { appendAudit } from '../audit/index.js';
import {
  insertNotifications,
  type NotificationTextName,
  notificationText,
  reviewersOfRegion,
  usersOfOrganisations,
} from '../notifications/index.js';
import { insertItemEvent, unansweredItems } from './consultations.items.repository.js';
import { settingsCache } from './consultations.settings.js';
import { itemEventText } from './item-event-texts.js';

/**
 * The stage an unanswered item is in on `day`: K working days before its due date `due_soon`, on it `due`,
 * after it `overdue`; null before the reminder window (or K = 0 and not yet due).
 */
export function reminderStage(day: string, dueDate: string, leadDays: number): ReminderStage | null {
  if (day > dueDate) return 'overdue';
  if (day === dueDate) return 'due';
  if (leadDays > 0 && day >= subtractWorkingDays(dueDate, leadDays)) return 'due_soon';
  return null;
}

/** What each stage's reminder says (notification-texts.ts). */
const STAGE_TEXTS = {
  due_soon: 'consultationDueSoon',
  due: 'consultationDueToday',
  overdue: 'consultationOverdue',
} as const satisfies Record<ReminderStage, NotificationTextName>;

export interface SweepResult {
  /** the calendar date (Asia/Shanghai) the sweep ran for */
  day: string;
  /** unanswered items looked at */
  checked: number;
  /** notifications created by this run */
  notified: number;
  /** reminder events added to timelines by this run, by stage */
  reminded: Record<ReminderStage, number>;
}

/**
 * Remind about every unanswered item (awaiting a first reply, or re-handling) in its current stage:
 * - due_soon: the department's accounts, K working days before the due date;
 * - due: the department's accounts, on the due date ("due today");
 * - overdue: 统战部's accounts over the region (督办), and the department's again.
 * Each reminder exists once per item, round, due date, stage and user — the unique `dedupe_key` of
 * `notifications` (and of `consultation_item_events` for the timeline) makes a second run, a concurrent run
 * on another instance, or a second run the same day a no-op. A granted extension moves the due date, so
 * the new one is reminded about afresh. Only the current stage is sent: a sweep that did not run for a week
 * does not send a stale "due soon" for an item already overdue.
 */
export async function runConsultationSweep(
  db: Kysely<Database>,
  now: Date | string = new Date(),
): Promise<SweepResult> {
  const at = typeof now === 'string' ? new Date(now).toISOString() : now.toISOString();
  const day = shanghaiDate(at);
  const settings = settingsCache(db);
  const items = await unansweredItems(db);
  const result: SweepResult = {
    day,
    checked: items.length,
    notified: 0,
    reminded: { due_soon: 0, due: 0, overdue: 0 },
  };
  for (const item of items) {
    const { reminderLeadDays } = await settings(item.region_path);
    const stage = reminderStage(day, item.due_date, reminderLeadDays);
    if (!stage) continue;
    const key = `consultation-item:${item.id}:${stage}:${item.round}:${item.due_date}`;
    const link = `/consultations/items/${item.id}`;
    const excerpt = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;
    const { created, recorded } = await db.transaction().execute(async (trx) => {
      const departmentUsers = (await usersOfOrganisations(trx, [item.department_id])).map((u) => u.id);
      const supervisors = stage === 'overdue' ? await reviewersOfRegion(trx, item.region_path) : [];
      const values = {
        matter: item.matter_title,
        department: item.department_name,
        counterpart: item.counterpart_name,
        round: item.round,
        dueDate: item.due_date,
        excerpt,
      };
      const message = notificationText(STAGE_TEXTS[stage], values);
      const recipients = [...new Set([...departmentUsers, ...supervisors])].sort((a, b) => a - b);
      const created = await insertNotifications(
        trx,
        recipients.map((userId) => ({ userId, ...message, link, dedupeKey: `${key}:${userId}` })),
      );
      const recorded = await insertItemEvent(trx, {
        itemId: item.id,
        round: item.round,
        action: 'reminded',
        stage,
        ...itemEventText('reminded', { recipients: recipients.length, dueDate: item.due_date }),
        actorId: null,
        dedupeKey: key,
        at,
      });
      if (created > 0 || recorded) {
        await appendAudit(
          trx,
          { actor: null, ip: null },
          {
            action: 'consultation.remind',
            entityType: 'consultation_item',
            entityId: item.id,
            regionId: item.region_id,
            after: { stage, round: item.round, dueDate: item.due_date, notified: created },
          },
        );
      }
      return { created, recorded };
    });
    result.notified += created;
    if (recorded) result.reminded[stage] += 1;
  }
  return result;
}
