// 统战部 reviews a submitted report: returns it with a comment, or accepts it; the department is notified.
import type { ReportDto } from '../../../common/schemas/reports.js';
import type { RequestContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { insertNotifications, notificationText, usersOfOrganisations } from '../notifications/index.js';
import { getReport, loadReport } from './reports.read.js';
import { insertVersion, updateReportRow } from './reports.repository.js';

async function review(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  action: 'returned' | 'accepted',
  comment: string | null,
): Promise<ReportDto> {
  const { department, row } = await loadReport(ctx, departmentId, year);
  if (row?.status !== 'submitted') {
    throw new AppError('REPORT_NOT_SUBMITTED');
  }
  const now = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const version = row.version + 1;
    const ok = await updateReportRow(
      trx,
      row.id,
      { status: row.status, version: row.version },
      {
        status: action,
        version,
        reviewed_by: ctx.actor.userId,
        reviewed_at: now,
        return_comment: action === 'returned' ? comment : row.return_comment,
        accepted_at: action === 'accepted' ? now : null,
        updated_by: ctx.actor.userId,
      },
    );
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    await insertVersion(trx, {
      reportId: row.id,
      version,
      action,
      status: action,
      sectionsJson: row.sections_json,
      generatedJson: row.generated_json,
      note: comment,
      actorId: ctx.actor.userId,
    });
    const users = await usersOfOrganisations(trx, [department.id]);
    await insertNotifications(
      trx,
      users.map((u) => ({
        userId: u.id,
        ...notificationText(action === 'returned' ? 'reportReturned' : 'reportAccepted', {
          year,
          comment: comment ?? null,
        }),
        link: `/reports/${department.id}/${year}`,
        dedupeKey: `report:${row.id}:v${version}:u${u.id}`,
      })),
    );
    await appendAudit(trx, ctx, {
      action: action === 'returned' ? 'report.return' : 'report.accept',
      entityType: 'report',
      entityId: row.id,
      regionId: department.region_id,
      before: { status: row.status },
      after: { status: action, comment },
    });
  });
  return getReport(ctx, departmentId, year);
}

export const returnReport = (ctx: RequestContext, departmentId: number, year: number, comment: string) =>
  review(ctx, departmentId, year, 'returned', comment);

export const acceptReport = (
  ctx: RequestContext,
  departmentId: number,
  year: number,
  comment: string | null,
) => review(ctx, departmentId, year, 'accepted', comment);
