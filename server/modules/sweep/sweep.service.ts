// The one sweep (issue 7): every deadline-driven reminder comes from here — filing lateness, the report
// deadline and the other yearly obligations, overdue plan items, invitations awaiting a reply, and the
// consultation escalations (issue 5). It may run on any number of instances at the same moment: every
// reminder has a unique dedupe key (one per thing, stage, due date and user), so a second run creates nothing,
// and the e-mail of a reminder is queued only when the reminder itself was created.
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../common/audit-actions.js';
import type { ObligationKind } from '../../../common/schemas/dashboard.js';
import { addDays, monthEnd, monthEndedAt, shanghaiDate } from '../../../common/shanghai-time.js';
import type { Database } from '../../db/schema.js';
import { appendAudit } from '../audit/index.js';
import { runConsultationSweep } from '../consultations/index.js';
import { obligationsWithState, runCycle } from '../cycle/index.js';
import { invitationsAwaitingReply, planItemRecorded } from '../ledger/index.js';
import { insertNotifications, type NewNotificationInput, notificationText } from '../notifications/index.js';

/** Days before the due date that the "due soon" reminder goes out, by obligation. */
export const LEAD_DAYS: Record<ObligationKind, number> = { symposium: 30, plan: 14, report: 10, filing: 3 };
/** An invitation is reminded about this many days before the event while the reply is pending. */
export const RSVP_LEAD_DAYS = 3;

export interface SweepReport {
  /** the calendar day (Asia/Shanghai) the sweep ran for */
  day: string;
  obligationsCreated: number;
  /** notifications created by this run, per step */
  notified: { obligations: number; planItems: number; rsvps: number; consultations: number };
  /** steps that failed (the others still ran); the next run tries again */
  errors: string[];
}

const SYSTEM = { actor: null, ip: null };

async function usersByOrganisation(db: Kysely<Database>, organisationIds: number[]) {
  const map = new Map<number, number[]>();
  if (!organisationIds.length) return map;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', [...new Set(organisationIds)])
    .where('disabled', '=', 0)
    .where('role', 'in', ['department', 'counterpart'])
    .orderBy('id')
    .execute();
  for (const r of rows) map.set(r.organisation_id, [...(map.get(r.organisation_id) ?? []), r.id]);
  return map;
}

/** Create the notifications (sorted by key, so concurrent runs insert in one order) and audit what was new. */
async function notify(
  db: Kysely<Database>,
  rows: NewNotificationInput[],
  audit: { action: AuditAction; entityType: string },
): Promise<number> {
  if (!rows.length) return 0;
  const sorted = [...rows].sort((a, b) => ((a.dedupeKey ?? '') < (b.dedupeKey ?? '') ? -1 : 1));
  return db.transaction().execute(async (trx) => {
    let created = 0;
    for (let i = 0; i < sorted.length; i += 200)
      created += await insertNotifications(trx, sorted.slice(i, i + 200));
    // the audit entry last: its lock is taken after the notification keys, the order every instance uses
    if (created > 0)
      await appendAudit(trx, SYSTEM, { ...audit, after: { created, considered: rows.length } });
    return created;
  });
}

/** Due soon (LEAD_DAYS before) and overdue reminders of the open obligations of this year and the last. */
async function remindObligations(db: Kysely<Database>, now: Date, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const open = (await obligationsWithState(db, { now: now.toISOString(), openOnly: true })).filter(
    (o) => o.year >= year - 1,
  );
  // a filing obligation of a round closed since is owed no more
  const openRounds = new Set(
    (await db.selectFrom('filing_rounds').select('id').where('status', '=', 'open').execute()).map(
      (r) => r.id,
    ),
  );
  const due = open.filter((o) => {
    if (o.kind === 'filing' && (o.source_id === null || !openRounds.has(o.source_id))) return false;
    return today > o.due_date || today >= addDays(o.due_date, -LEAD_DAYS[o.kind as ObligationKind]);
  });
  const users = await usersByOrganisation(
    db,
    due.map((o) => o.organisation_id),
  );
  const rows: NewNotificationInput[] = [];
  for (const o of due) {
    const overdue = today > o.due_date;
    const text = notificationText(overdue ? 'deadlineOverdue' : 'deadlineReminder', {
      organisation: o.organisation_name,
      obligation: o.kind as ObligationKind,
      year: o.year,
      counterpart: o.counterpart_name,
      dueDate: o.due_date,
    });
    const link =
      o.kind === 'filing'
        ? `/filings/${o.source_id}/${o.organisation_id}`
        : o.kind === 'report'
          ? `/reports/${o.department_id}/${o.year}`
          : o.kind === 'plan'
            ? `/plans?year=${o.year}`
            : `/ledger?year=${o.year}&kind=symposium`;
    for (const userId of users.get(o.organisation_id) ?? []) {
      rows.push({
        userId,
        ...text,
        link,
        dedupeKey: `obligation:${o.key}:${overdue ? 'overdue' : 'due'}:${o.due_date}:${userId}`,
      });
    }
  }
  return notify(db, rows, { action: 'sweep.remind.obligations', entityType: 'obligation' });
}

/** Plan items whose target month has ended with nothing linked: the department is told once per item. */
async function remindPlanItems(db: Kysely<Database>, now: Date, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const items = await db
    .selectFrom('plan_items as i')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .innerJoin('organisations as d', 'd.id', 'p.department_id')
    .select(['i.id', 'i.title', 'i.target_month', 'p.id as plan_id', 'p.year', 'p.department_id', 'd.name'])
    .where('p.year', '>=', year - 1)
    .where((eb) => eb.not(planItemRecorded('i.id')))
    .orderBy('i.id')
    .execute();
  const overdue = items.filter((i) => now.toISOString() >= monthEndedAt(i.year, i.target_month));
  const users = await usersByOrganisation(
    db,
    overdue.map((i) => i.department_id),
  );
  const rows: NewNotificationInput[] = [];
  for (const i of overdue) {
    for (const userId of users.get(i.department_id) ?? []) {
      rows.push({
        userId,
        ...notificationText('planItemOverdue', {
          item: i.title,
          department: i.name,
          year: i.year,
          dueDate: monthEnd(i.year, i.target_month),
        }),
        link: `/plans/${i.plan_id}`,
        dedupeKey: `plan-item-overdue:${i.id}:${userId}`,
      });
    }
  }
  return notify(db, rows, { action: 'sweep.remind.plan_items', entityType: 'plan_item' });
}

/** Invitations starting within RSVP_LEAD_DAYS whose invitee has not answered: its accounts, once. */
async function remindRsvps(db: Kysely<Database>, now: Date): Promise<number> {
  const from = now.toISOString();
  const to = new Date(now.getTime() + RSVP_LEAD_DAYS * 86_400_000).toISOString();
  const pending = await invitationsAwaitingReply(db, { from, to });
  const users = await usersByOrganisation(
    db,
    pending.map((p) => p.organisation_id),
  );
  const rows: NewNotificationInput[] = [];
  for (const p of pending) {
    for (const userId of users.get(p.organisation_id) ?? []) {
      rows.push({
        userId,
        ...notificationText('rsvpReminder', {
          host: p.host_name,
          title: p.title,
          date: shanghaiDate(p.starts_at),
        }),
        link: `/ledger/${p.id}`,
        dedupeKey: `rsvp:${p.id}:${p.organisation_id}:${userId}`,
      });
    }
  }
  return notify(db, rows, { action: 'sweep.remind.rsvps', entityType: 'ledger_record' });
}

const errorText = (step: string, e: unknown): string =>
  `${step}: ${e instanceof Error ? e.message : String(e)}`;

/** Run every step once for `now`; a failing step is reported and the others still run. */
export async function runSweep(db: Kysely<Database>, now: Date = new Date()): Promise<SweepReport> {
  const today = shanghaiDate(now.toISOString());
  const report: SweepReport = {
    day: today,
    obligationsCreated: 0,
    notified: { obligations: 0, planItems: 0, rsvps: 0, consultations: 0 },
    errors: [],
  };
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      report.errors.push(errorText(name, e));
    }
  };
  await step('cycle', async () => {
    report.obligationsCreated = (await runCycle(db, now)).created;
  });
  await step('obligations', async () => {
    report.notified.obligations = await remindObligations(db, now, today);
  });
  await step('plan items', async () => {
    report.notified.planItems = await remindPlanItems(db, now, today);
  });
  await step('rsvps', async () => {
    report.notified.rsvps = await remindRsvps(db, now);
  });
  await step('consultations', async () => {
    report.notified.consultations = (await runConsultationSweep(db, now)).notified;
  });
  return report;
}
