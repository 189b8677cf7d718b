import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptReportRequest,
  AnnualReportDocxQuery,
  CommentReportRequest,
  ReportDto,
  ReportParams,
  ReportRemindResponse,
  ReportRoundDto,
  ReportRoundParams,
  ReportStatusResponse,
  ReportVersionDto,
  ReportVersionParams,
  ReturnReportRequest,
  SaveReportRequest,
  SetReportRoundRequest,
  SubmitReportRequest,
  YearQuery,
} from '../../../common/schemas/reports.js';
import { sendDocument } from '../../documents/send-document.js';
import { remindReports, reportStatus, reportStatusItems } from './reports.board.js';
import { commentOnReport } from './reports.comments.js';
import { getReportRound, setReportRound } from './reports.deadlines.js';
import { saveReport, submitReport } from './reports.drafting.js';
import { annualReportDocx, annualReportsXlsx } from './reports.export.js';
import { getReport, getReportVersion } from './reports.read.js';
import { acceptReport, returnReport } from './reports.review.js';

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const read = { permission: 'reports:read' as const };
  const write = { permission: 'reports:write' as const };
  const review = { permission: 'reports:review' as const };
  const comment = { permission: 'reports:comment' as const };
  const one = { 200: ReportDto };
  const report = '/reports/:departmentId/:year';

  r.get(
    '/reports',
    {
      config: read,
      schema: {
        summary: "年度情况报告 · List the departments' 附件3 annual reports of a year",
        tags,
        querystring: YearQuery,
        response: { 200: ReportStatusResponse.omit({ counts: true }) },
      },
    },
    async (request) => {
      const { today, items } = await reportStatusItems(request.ctx(), request.query.year);
      return { year: request.query.year, today, items };
    },
  );
  r.get(
    '/reports/status',
    {
      config: review,
      schema: {
        summary: '报告进度 · Which departments have submitted, been returned or accepted',
        tags,
        querystring: YearQuery,
        response: { 200: ReportStatusResponse },
      },
    },
    async (request) => reportStatus(request.ctx(), request.query.year),
  );
  r.post(
    '/reports/remind',
    {
      config: review,
      schema: {
        summary: '催报年度报告 · Remind the departments that have not submitted',
        tags,
        querystring: YearQuery,
        response: { 200: ReportRemindResponse },
      },
    },
    async (request) => remindReports(request.ctx(), request.query.year),
  );
  r.get(
    '/reports/export.xlsx',
    {
      config: { ...read, export: true },
      schema: {
        summary: "导出年度报告 · The year's reports as a spreadsheet (.xlsx)",
        tags,
        querystring: YearQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await annualReportsXlsx(request.ctx(), request.query.year)),
  );
  r.get(
    '/report-rounds/:year',
    {
      config: read,
      schema: {
        summary: "报告截止日期 · The year's report deadline",
        tags,
        params: ReportRoundParams,
        response: { 200: ReportRoundDto },
      },
    },
    async (request) => getReportRound(request.ctx(), request.params.year),
  );
  r.put(
    '/report-rounds/:year',
    {
      config: review,
      schema: {
        summary: "设置报告截止日期 · Set the year's report deadline (统战部)",
        tags,
        params: ReportRoundParams,
        body: SetReportRoundRequest,
        response: { 200: ReportRoundDto },
      },
    },
    async (request) => setReportRound(request.ctx(), request.params.year, request.body.deadline),
  );

  r.get(
    report,
    {
      config: read,
      schema: {
        summary: "单位年度报告 · A department's 附件3 with its draft written from the records",
        tags,
        params: ReportParams,
        response: one,
      },
    },
    async (request) => getReport(request.ctx(), request.params.departmentId, request.params.year),
  );
  r.get(
    `${report}/versions/:version`,
    {
      config: read,
      schema: {
        summary: '报告历史版本 · One earlier version of a report',
        tags,
        params: ReportVersionParams,
        response: { 200: ReportVersionDto },
      },
    },
    async (request) =>
      getReportVersion(
        request.ctx(),
        request.params.departmentId,
        request.params.year,
        request.params.version,
      ),
  );
  r.put(
    report,
    {
      config: write,
      schema: {
        summary: "保存年度报告 · Save a department's 附件3 draft",
        tags,
        params: ReportParams,
        body: SaveReportRequest,
        response: one,
      },
    },
    async (request) =>
      saveReport(request.ctx(), request.params.departmentId, request.params.year, request.body),
  );
  r.post(
    `${report}/submit`,
    {
      config: write,
      schema: {
        summary: "报送年度报告 · Submit a department's 附件3",
        tags,
        params: ReportParams,
        body: SubmitReportRequest,
        response: one,
      },
    },
    async (request) =>
      submitReport(request.ctx(), request.params.departmentId, request.params.year, request.body),
  );
  r.post(
    `${report}/return`,
    {
      config: review,
      schema: {
        summary: '退回年度报告 · Return a submitted report with a reason',
        tags,
        params: ReportParams,
        body: ReturnReportRequest,
        response: one,
      },
    },
    async (request) =>
      returnReport(request.ctx(), request.params.departmentId, request.params.year, request.body.comment),
  );
  r.post(
    `${report}/accept`,
    {
      config: review,
      schema: {
        summary: '接收年度报告 · Accept a submitted report',
        tags,
        params: ReportParams,
        body: AcceptReportRequest,
        response: one,
      },
    },
    async (request) =>
      acceptReport(
        request.ctx(),
        request.params.departmentId,
        request.params.year,
        request.body?.comment ?? null,
      ),
  );
  r.post(
    `${report}/comments`,
    {
      config: comment,
      schema: {
        summary: '报告批注 · Comment on a report',
        tags,
        params: ReportParams,
        body: CommentReportRequest,
        response: one,
      },
    },
    async (request) =>
      commentOnReport(request.ctx(), request.params.departmentId, request.params.year, request.body),
  );
  // 附件3: one department's form (departmentId), or every report the actor reads, a page each (all=1).
  r.get(
    '/documents/annual-report.docx',
    {
      config: { permission: 'documents:read', export: true },
      schema: {
        summary: '附件3（Word） · The 附件3 annual reports of the chosen departments, one page each (.docx)',
        tags: ['documents'],
        querystring: AnnualReportDocxQuery,
      },
    },
    async (request, reply) => sendDocument(reply, await annualReportDocx(request.ctx(), request.query)),
  );
}
