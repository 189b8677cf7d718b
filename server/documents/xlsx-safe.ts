// exceljs helpers that never let user text become a formula.
// Two layers, per OWASP "CSV Injection": values are only ever written as plain string cells (never
// `{ formula }` objects), and text that a spreadsheet would read as a formula once a user edits or
// re-saves the cell (leading = + - @, tab, CR) gets a leading apostrophe.
import type ExcelJS from 'exceljs';

export type SafeInput = string | number | boolean | Date | null | undefined;
export type SafeValue = string | number | boolean | Date | null;

// Full-width ＝＋－＠ too: Chinese IMEs type them and Excel/WPS convert them to formulas on entry.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell value that Excel/WPS will show as text, never evaluate. */
export function safeCellValue(v: SafeInput): SafeValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return FORMULA_START.test(v) ? `'${v}` : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

export interface SheetColumn {
  header: string;
  key: string;
  /** Characters; computed from the content when omitted. */
  width?: number;
}

export type SheetRow = Readonly<Record<string, SafeInput>>;

// Excel counts a CJK character as two columns wide.
const displayWidth = (v: SafeValue): number => {
  if (v === null) return 0;
  const s = v instanceof Date ? '2000-01-01' : String(v);
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
};

// Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel refuses the file otherwise).
export const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';

/** Adds a sheet with a bold, frozen, filterable header row and widths that fit the content. */
export function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly SheetRow[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const values = rows.map((row) => columns.map((c) => safeCellValue(row[c.key])));
  sheet.columns = columns.map((c, i) => {
    const widest = Math.max(displayWidth(c.header), ...values.map((r) => displayWidth(r[i] ?? null)));
    return { key: c.key, width: c.width ?? Math.min(60, Math.max(8, widest + 2)) };
  });
  // Header written as a row of its own rather than via `columns[].header`, so it goes through safeCellValue too.
  const header = sheet.addRow(columns.map((c) => safeCellValue(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  for (const r of values) sheet.addRow(r);
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: columns.length },
  };
  return sheet;
}

export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
