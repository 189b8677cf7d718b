// The year's reports as a list: the status board of every report the actor reads, and reminders to submit.
import { localDate } from '../../../common/filings.js';
import type {
  ReportRemindResponse,
  ReportStatus,
  ReportStatusItem,
  ReportStatusResponse,
} from '../../../common/schemas/reports.js';
import type { RequestContext } from '../../context.js';
import { appendAudit } from '../audit/index.js';
import { insertNotifications, notificationText, usersOfOrganisations } from '../notifications/index.js';
import { EDITABLE, reportScope, statusOf } from './reports.access.js';
import { defaultDeadline, timing } from './reports.deadlines.js';
import { reportDepartments, reportsOf, roundsOf } from './reports.repository.js';

/** Every report the actor reads for a year, with its status and deadline (the status board's rows). */
export async function reportStatusItems(ctx: RequestContext, year: number, scope = reportScope(ctx)) {
  const departments = await reportDepartments(ctx.db, scope, year);
  const rows = await reportsOf(
    ctx.db,
    departments.map((d) => d.id),
    year,
  );
  const rounds = await roundsOf(ctx.db, [...new Set(departments.map((d) => d.region_id))], year);
  const today = localDate();
  const items: ReportStatusItem[] = departments.map((d) => {
    const row = rows.find((r) => r.department_id === d.id);
    const status = statusOf(row);
    const deadline = rounds.find((r) => r.region_id === d.region_id)?.deadline ?? defaultDeadline(year);
    return {
      department: { id: d.id, name: d.name },
      status,
      deadline,
      ...timing(status, deadline, today),
      submittedLate: row?.submitted_late === 1,
      submittedAt: row?.submitted_at ?? null,
      acceptedAt: row?.accepted_at ?? null,
    };
  });
  return { today, items, departments, rows };
}

export async function reportStatus(ctx: RequestContext, year: number): Promise<ReportStatusResponse> {
  const { today, items } = await reportStatusItems(ctx, year);
  const counts = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 } as Record<
    ReportStatus,
    number
  >;
  for (const i of items) counts[i.status]++;
  return { year, today, counts, items };
}

/** One in-app reminder per user of each department that has not submitted; once a day per user. */
export async function remindReports(ctx: RequestContext, year: number): Promise<ReportRemindResponse> {
  const { items, today } = await reportStatusItems(ctx, year);
  const pending = items.filter((i) => EDITABLE.includes(i.status));
  const users = await usersOfOrganisations(
    ctx.db,
    pending.map((i) => i.department.id),
  );
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertNotifications(
      trx,
      users.map((u) => {
        const item = pending.find((i) => i.department.id === u.organisation_id);
        return {
          userId: u.id,
          ...notificationText('reportReminder', {
            year,
            deadline: item?.deadline ?? '',
            daysLeft: item?.daysLeft ?? 0,
          }),
          link: `/reports/${u.organisation_id}/${year}`,
          dedupeKey: `report_reminder:${year}:${today}:u${u.id}`,
        };
      }),
    );
    await appendAudit(trx, ctx, {
      action: 'report.remind',
      entityType: 'report_round',
      entityId: `${ctx.actor.regionId}:${year}`,
      after: { departments: pending.map((i) => i.department.id), notified: created },
    });
    return created;
  });
  const withUsers = new Set(users.map((u) => u.organisation_id));
  return {
    departments: pending.map((i) => i.department),
    notified,
    alreadyNotified: users.length - notified,
    departmentsWithoutUsers: pending.filter((i) => !withUsers.has(i.department.id)).map((i) => i.department),
  };
}
