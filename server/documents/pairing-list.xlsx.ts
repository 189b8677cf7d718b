// 附件1 as a spreadsheet: one row per (counterpart, department) pair, for sorting and filtering.
import ExcelJS from 'exceljs';
import { addSheet, workbookToBuffer } from './xlsx-safe.js';

export interface PairingListXlsxRow {
  counterpart: string;
  department: string;
  validFrom: number;
  /** null: still in force. */
  validTo: number | null;
  source: string | null;
  /** A 共同联系单位 (paired with every counterpart) rather than a pairing of its own. */
  shared: boolean;
}

export interface PairingListXlsxInput {
  year: number;
  rows: PairingListXlsxRow[];
}

export const PAIRING_LIST_SHEET = '对口联系名单';

const COLUMNS = [
  { header: '联系对象', key: 'counterpart' },
  { header: '对口联系部门', key: 'department' },
  { header: '起始年度', key: 'validFrom', width: 10, type: 'integer' },
  { header: '终止年度', key: 'validTo', width: 10, type: 'integer' },
  { header: '文号', key: 'source' },
  { header: '共同联系', key: 'shared', width: 10 },
] as const;

export async function renderPairingListXlsx(input: PairingListXlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = `${input.year}年对口联系名单`;
  addSheet(
    wb,
    PAIRING_LIST_SHEET,
    COLUMNS,
    input.rows.map((r) => ({
      counterpart: r.counterpart,
      department: r.department,
      validFrom: r.validFrom,
      validTo: r.validTo,
      source: r.source,
      shared: r.shared ? '是' : '否',
    })),
  );
  return workbookToBuffer(wb);
}
