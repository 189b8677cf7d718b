// The printed 附件3 (年度对口联系工作情况报告表), as the .docx (server/documents/annual-report.docx.ts) and the
// browser's print view (web/features/print/ReportPrint.tsx) both print it.
import { shanghaiDate } from './shanghai-time.js';

export const annualReportTitle = (year: number): string => `${year}年度对口联系工作情况报告表`;

export const ANNUAL_REPORT_NOTE = '注：各政府部门应在每年1月下旬将报告表及时报区委统战部';

/** The date the form prints: the day it was submitted (Asia/Shanghai); before that, left blank to write in. */
export const annualReportFormDate = (submittedAt: string | null): string | null =>
  submittedAt ? shanghaiDate(submittedAt) : null;
