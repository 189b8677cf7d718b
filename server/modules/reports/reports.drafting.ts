// The department drafts its own report: saves the section texts, and submits them (late if after the deadline).
import { isAfterDeadline, localDate } from '../../../common/filings.js';
import type { ReportDto, SaveReportRequest, SubmitReportRequest } from '../../../common/schemas/reports.js';
import type { RequestContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { EDITABLE, isOwn, statusOf } from './reports.access.js';
import { getReport, type LoadedReport, loadReport } from './reports.read.js';
import { insertReport, insertVersion, updateReportRow } from './reports.repository.js';
import { finalTexts, generatedTexts, mergeTexts, parseTexts } from './reports.texts.js';

/** Only the department itself edits its report; anyone else who can see it gets NOT_FOUND for the write. */
async function ownReport(ctx: RequestContext, departmentId: number, year: number): Promise<LoadedReport> {
  const loaded = await loadReport(ctx, departmentId, year);
  if (!isOwn(ctx, departmentId)) throw notFound();
  return loaded;
}

async function writeReport(
  ctx: RequestContext,
  loaded: LoadedReport,
  year: number,
  action: 'saved' | 'submitted',
  input: SaveReportRequest['sections'] | undefined,
): Promise<void> {
  const { department, row, draft, deadline } = loaded;
  const status = statusOf(row);
  if (!EDITABLE.includes(status)) {
    throw new AppError(status === 'accepted' ? 'REPORT_ACCEPTED' : 'REPORT_AWAITING_REVIEW');
  }
  const generated = generatedTexts(draft);
  let texts = mergeTexts(draft, row ? parseTexts(row.sections_json) : {}, input);
  // What is submitted is fixed: every section's text as it reads now, generated or edited.
  if (action === 'submitted') texts = finalTexts(draft, texts);
  const sectionsJson = JSON.stringify(texts);
  const generatedJson = JSON.stringify(generated);
  const now = new Date().toISOString();
  const today = localDate();
  await ctx.db.transaction().execute(async (trx) => {
    let current = row;
    if (!current) {
      current = await insertReport(trx, {
        regionId: department.region_id,
        departmentId: department.id,
        year,
        sectionsJson,
        generatedJson,
        userId: ctx.actor.userId,
      });
    }
    const version = current.version + 1;
    const nextStatus = action === 'submitted' ? 'submitted' : status === 'returned' ? 'returned' : 'draft';
    const firstSubmission = action === 'submitted' && current.first_submitted_at === null;
    const ok = await updateReportRow(
      trx,
      current.id,
      { status: current.status, version: current.version },
      {
        status: nextStatus,
        version,
        sections_json: sectionsJson,
        generated_json: generatedJson,
        updated_by: ctx.actor.userId,
        ...(action === 'submitted'
          ? {
              submitted_at: now,
              first_submitted_at: current.first_submitted_at ?? now,
              submitted_late: firstSubmission
                ? isAfterDeadline(deadline, today)
                  ? 1
                  : 0
                : current.submitted_late,
            }
          : {}),
      },
    );
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    await insertVersion(trx, {
      reportId: current.id,
      version,
      action,
      status: nextStatus,
      sectionsJson,
      generatedJson,
      note: null,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: action === 'submitted' ? 'report.submit' : 'report.save',
      entityType: 'report',
      entityId: current.id,
      regionId: department.region_id,
      before: row ? { status: row.status, version: row.version } : undefined,
      after: { status: nextStatus, version, departmentId: department.id, year, sections: texts },
    });
  });
}

export async function saveReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  input: SaveReportRequest,
): Promise<ReportDto> {
  const loaded = await ownReport(ctx, departmentId, year);
  await writeReport(ctx, loaded, year, 'saved', input.sections);
  return getReport(ctx, departmentId, year);
}

export async function submitReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  input: SubmitReportRequest,
): Promise<ReportDto> {
  const loaded = await ownReport(ctx, departmentId, year);
  await writeReport(ctx, loaded, year, 'submitted', input?.sections);
  return getReport(ctx, departmentId, year);
}
