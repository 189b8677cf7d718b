// The responsible persons (责任人) of every unit as a spreadsheet: who is in force on a day, and every version.
import ExcelJS from 'exceljs';
import { addSheet, workbookToBuffer } from './xlsx-safe.js';

// A type, not an interface: addSheet takes records with an index signature.
export type RosterXlsxPerson = {
  unit: string;
  /** 政府部门 / 联系对象 */
  unitKind: string;
  /** 主要负责人 / 分管领导 / 联络员 */
  role: string;
  name: string | null;
  position: string | null;
  officePhone: string | null;
  mobile: string | null;
  servedFrom: string | null;
  servedTo: string | null;
};

export interface RosterXlsxInput {
  /** the day the first sheet shows */
  date: string;
  current: RosterXlsxPerson[];
  history: (RosterXlsxPerson & { source: string; recordedAt: string })[];
}

export const ROSTER_SHEET = '责任人名册';
export const ROSTER_HISTORY_SHEET = '历次变动';

const COLUMNS = [
  { header: '单位', key: 'unit' },
  { header: '类别', key: 'unitKind', width: 10 },
  { header: '职责', key: 'role', width: 12 },
  { header: '姓名', key: 'name' },
  { header: '职务', key: 'position' },
  { header: '办公电话', key: 'officePhone', width: 16, type: 'text' },
  { header: '手机', key: 'mobile', width: 16, type: 'text' },
  { header: '任职起始', key: 'servedFrom', width: 12, type: 'date' },
  { header: '任职截止', key: 'servedTo', width: 12, type: 'date' },
] as const;

export async function renderRosterXlsx(input: RosterXlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = `对口联系工作责任人名册（${input.date}）`;
  addSheet(wb, ROSTER_SHEET, COLUMNS, input.current);
  addSheet(
    wb,
    ROSTER_HISTORY_SHEET,
    [
      ...COLUMNS,
      { header: '来源', key: 'source', width: 10 },
      { header: '记录时间', key: 'recordedAt', type: 'datetime' },
    ],
    input.history,
  );
  return workbookToBuffer(wb);
}
