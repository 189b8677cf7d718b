// A reader of a report comments on it; the department hears of comments by others.
import type { CommentReportRequest, ReportDto } from '../../../common/schemas/reports.js';
import type { RequestContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { insertNotifications, notificationText, usersOfOrganisations } from '../notifications/index.js';
import { isOwn } from './reports.access.js';
import { getReport, loadReport } from './reports.read.js';
import { insertComment } from './reports.repository.js';

/** A comment by a reader of the report (a counterpart of the pair, 统战部, the department itself). */
export async function commentOnReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  input: CommentReportRequest,
): Promise<ReportDto> {
  const { department, row } = await loadReport(ctx, departmentId, year);
  if (!row) throw new AppError('REPORT_NOT_STARTED');
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await insertComment(trx, {
      reportId: row.id,
      organisationId: ctx.actor.organisationId,
      authorId: ctx.actor.userId,
      sectionKey: input.sectionKey ?? null,
      body: input.body,
    });
    if (!isOwn(ctx, department.id)) {
      const users = await usersOfOrganisations(trx, [department.id]);
      await insertNotifications(
        trx,
        users.map((u) => ({
          userId: u.id,
          ...notificationText('reportComment', {
            commenter: ctx.actor.organisationName,
            year,
            comment: input.body,
          }),
          link: `/reports/${department.id}/${year}`,
          dedupeKey: `report_comment:${comment.id}:u${u.id}`,
        })),
      );
    }
    await appendAudit(trx, ctx, {
      action: 'report.comment',
      entityType: 'report',
      entityId: row.id,
      regionId: department.region_id,
      after: { commentId: comment.id, sectionKey: comment.section_key },
    });
  });
  return getReport(ctx, departmentId, year);
}
