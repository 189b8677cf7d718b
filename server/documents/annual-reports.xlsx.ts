// A year's annual reports (附件3) side by side: a row per department, a column per section.
import ExcelJS from 'exceljs';
import { ANNUAL_REPORT_SECTIONS } from './annual-report.docx.js';
import { addSheet, type SheetColumn, workbookToBuffer } from './xlsx-safe.js';

export interface AnnualReportsXlsxRow {
  department: string;
  /** 未开始 / 草稿 / 已提交 / 已退回 / 已接受 */
  status: string;
  deadline: string;
  submittedAt: string | null;
  late: boolean;
  counterparts: string[];
  /** by section key */
  sections: Record<string, string>;
}

export interface AnnualReportsXlsxInput {
  year: number;
  rows: AnnualReportsXlsxRow[];
}

export const annualReportsSheetName = (year: number): string => `${year}年度报告`;

export async function renderAnnualReportsXlsx(input: AnnualReportsXlsxInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '对口联系';
  const columns: SheetColumn[] = [
    { header: '部门', key: 'department' },
    { header: '状态', key: 'status' },
    { header: '报送截止', key: 'deadline', type: 'date' },
    { header: '提交时间', key: 'submittedAt', type: 'datetime' },
    { header: '逾期提交', key: 'late' },
    { header: '所联系民主党派、工商联和无党派人士', key: 'counterparts' },
    ...ANNUAL_REPORT_SECTIONS.map((s) => ({ header: s.title, key: s.key, width: 60 })),
  ];
  const sheet = addSheet(
    workbook,
    annualReportsSheetName(input.year),
    columns,
    input.rows.map((r) => ({
      department: r.department,
      status: r.status,
      deadline: r.deadline,
      submittedAt: r.submittedAt,
      late: r.late ? '是' : '否',
      counterparts: r.counterparts.join('、'),
      ...Object.fromEntries(ANNUAL_REPORT_SECTIONS.map((s) => [s.key, r.sections[s.key] ?? ''])),
    })),
  );
  // Long prose: wrap it, top-aligned, so a row reads like the form.
  for (let i = 7; i <= columns.length; i++)
    sheet.getColumn(i).alignment = { wrapText: true, vertical: 'top' };
  return workbookToBuffer(workbook);
}
