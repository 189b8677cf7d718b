// 附件3 as files: one department's form, every readable report in one .docx, the year's reports as .xlsx.
// The loops report progress between departments, so a job can yield to the event loop and show how far it is.
import type { AnnualReportDocxQuery } from '../../../common/schemas/reports.js';
import { REPORT_STATUS_LABELS } from '../../../common/schemas/reports.js';
import type { RequestContext } from '../../context.js';
import { type AnnualReportForm, renderAnnualReportDocx } from '../../documents/annual-report.docx.js';
import { renderAnnualReportsXlsx } from '../../documents/annual-reports.xlsx.js';
import { mergeDocx } from '../../documents/docx-merge.js';
import {
  DOCX_TYPE as DOCX,
  type RenderedDocument,
  XLSX_TYPE as XLSX,
} from '../../documents/send-document.js';
import { AppError } from '../../errors.js';
import { appendExportAudit } from '../audit/index.js';
import { readableDepartments } from './reports.access.js';
import { reportStatusItems } from './reports.board.js';
import { formOf, loadReport } from './reports.read.js';

/** Called after each department; a job yields to the event loop and records its progress here. */
export type OnProgress = (done: number, total: number, message: string) => Promise<void>;
const noProgress: OnProgress = async () => {};
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function forms(
  ctx: RequestContext,
  year: number,
  departmentIds: number[],
  onProgress: OnProgress,
): Promise<AnnualReportForm[]> {
  const out: AnnualReportForm[] = [];
  for (const [i, id] of departmentIds.entries()) {
    const loaded = await loadReport(ctx, id, year);
    out.push(await formOf(ctx, year, loaded));
    await onProgress(i + 1, departmentIds.length, loaded.department.name);
  }
  return out;
}

/**
 * 附件3 of one department (`departmentId`), or of every department whose report the actor reads (`all=1`):
 * 统战部 and 区府办 their region, a counterpart its paired departments, a department itself.
 */
export async function annualReportDocx(
  ctx: RequestContext,
  query: AnnualReportDocxQuery,
  onProgress: OnProgress = noProgress,
): Promise<RenderedDocument> {
  let ids: number[];
  if (query.departmentId) ids = [query.departmentId];
  else if (query.all === '1') ids = (await readableDepartments(ctx, query.year)).map((d) => d.id);
  else throw new AppError('REPORT_DEPARTMENT_REQUIRED');
  const list = await forms(ctx, query.year, ids, onProgress);
  if (!list.length) throw new AppError('NO_REPORT_TO_PRINT');
  // A form at a time, yielding in between, then joined: no long synchronous render (see documents/docx-merge.ts).
  const files: Buffer[] = [];
  for (const form of list) {
    files.push(await renderAnnualReportDocx({ reports: [form] }));
    await yieldToEventLoop();
  }
  const body = await mergeDocx(files, { onEach: yieldToEventLoop });
  await appendExportAudit(ctx, 'annual-report.docx', `year=${query.year}; departments=${ids.join(',')}`);
  const who = list.length === 1 ? list[0]?.department : '汇总';
  return { filename: `${query.year}年度对口联系工作情况报告表-${who}.docx`, contentType: DOCX, body };
}

/** The year's reports in one sheet: a row per department, a column per section. */
export async function annualReportsXlsx(
  ctx: RequestContext,
  year: number,
  onProgress: OnProgress = noProgress,
): Promise<RenderedDocument> {
  const { items } = await reportStatusItems(ctx, year);
  const rows = [];
  for (const [i, item] of items.entries()) {
    const loaded = await loadReport(ctx, item.department.id, year);
    const form = await formOf(ctx, year, loaded);
    rows.push({
      department: item.department.name,
      status: REPORT_STATUS_LABELS[item.status].zh,
      deadline: item.deadline,
      submittedAt: item.submittedAt,
      late: item.submittedLate,
      counterparts: form.counterparts,
      sections: Object.fromEntries(form.sections.map((s) => [s.key, s.text])),
    });
    await onProgress(i + 1, items.length, item.department.name);
  }
  const body = await renderAnnualReportsXlsx({ year, rows });
  await appendExportAudit(ctx, 'annual-reports.xlsx', `year=${year}`);
  return { filename: `${year}年度对口联系工作情况报告汇总.xlsx`, contentType: XLSX, body };
}
