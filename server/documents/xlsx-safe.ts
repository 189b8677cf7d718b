// The cell rules every .xlsx this product writes follows — the in-memory workbooks (addSheet) and the streamed
// ledger export (sheetSetup + typedRow) alike:
// - One type per column, declared (`type`) or taken from the column's first value: every cell of a text column
//   is a string cell, every cell of a number column a number (or empty).
// - Dates and times are real date cells showing the Asia/Shanghai calendar date / wall-clock time (Excel dates
//   have no zone: the cell holds the Shanghai time itself), formatted yyyy-mm-dd / yyyy-mm-dd hh:mm — never
//   `…Z` text. Rates (0..1) are numbers formatted 0.0%.
// - A4 landscape, fitted to the page width, with the header row repeated on every printed page and frozen.
// - No user text ever becomes a formula. exceljs writes a string value as a string cell (t="s"/inlineStr) and
//   only `{ formula }` objects as <f>, which this module never writes: Excel, WPS and LibreOffice open string
//   cells as text, whatever they start with, so the value stays exactly what was recorded (a phone number
//   +86 574 8895 1234 is that phone number, not '+86…). The one remaining risk (OWASP "CSV Injection") is a user
//   re-entering the cell (F2, Enter) or saving the sheet as CSV, when a leading = + - @ is read as a formula.
//   For that, text that could run as a formula gets a leading apostrophe — but text that is only a number or a
//   phone number (digits, spaces, + - ( ) . /) is left exact: re-entered, it becomes a number or an error,
//   never a call or a link.
import type ExcelJS from 'exceljs';

export type SafeInput = string | number | boolean | Date | null | undefined;
export type SafeValue = string | number | boolean | Date | null;

export type CellType = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

// Full-width ＝＋－＠ too: Chinese IMEs type them and Excel/WPS convert them to formulas on entry.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// A number or a phone number, in half- or full-width characters: nothing a spreadsheet could call or link.
const NUMBER_LIKE = /^[+\-\uFF0B\uFF0D]?[\d\uFF10-\uFF19\s()（）.\-/\uFF0D]*$/;

/** Text as a cell shows it and never evaluates it (see the top of this file). */
export function safeText(v: string): string {
  return FORMULA_START.test(v) && !NUMBER_LIKE.test(v) ? `'${v}` : v;
}

/** A cell value that Excel/WPS will show as text, never evaluate. */
export function safeCellValue(v: SafeInput): SafeValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return safeText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

const OFFSET_MS = 8 * 3600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A Date for exceljs whose UTC fields are the Asia/Shanghai wall clock (exceljs writes a Date's UTC fields as
 * the cell's serial): from an instant (ISO text with Z or an offset, or a Date) or a calendar date YYYY-MM-DD.
 */
export function shanghaiCellDate(v: string | Date, type: 'date' | 'datetime'): Date | null {
  if (typeof v === 'string' && DATE_ONLY.test(v)) return new Date(`${v}T00:00:00Z`);
  const ms = typeof v === 'string' ? Date.parse(v) : v.getTime();
  if (!Number.isFinite(ms)) return null;
  const local = new Date(ms + OFFSET_MS);
  return type === 'date'
    ? new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
    : new Date(Math.floor(local.getTime() / 60_000) * 60_000);
}

const NUM_FMT: Record<CellType, string | undefined> = {
  text: '@',
  integer: '0',
  number: undefined,
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const typeOf = (v: SafeInput): CellType | undefined => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return 'number';
  if (v instanceof Date) return 'datetime';
  return 'text';
};

/** The value of a cell of a column of `type`: converted to that type, or empty when it has none. */
export function typedCellValue(v: SafeInput, type: CellType): SafeValue {
  if (v === undefined || v === null || v === '') return type === 'text' && v === '' ? '' : null;
  switch (type) {
    case 'text':
      return safeText(v instanceof Date ? v.toISOString() : String(v));
    case 'date':
    case 'datetime':
      return typeof v === 'string' || v instanceof Date ? shanghaiCellDate(v, type) : null;
    default: {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
      return Number.isFinite(n) ? n : null;
    }
  }
}

export interface SheetColumn {
  header: string;
  key: string;
  /** Characters; computed from the content when omitted. */
  width?: number;
  /** Default: from the values (columnTypes). */
  type?: CellType;
}

export type SheetRow = Readonly<Record<string, SafeInput>>;

// Excel counts a CJK character as two columns wide.
const displayWidth = (v: SafeValue, type: CellType): number => {
  if (v === null) return 0;
  if (type === 'date') return 10;
  if (type === 'datetime') return 16;
  const s = String(v);
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
};

// Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel refuses the file otherwise).
export const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';

/**
 * Each column's type: declared, or else number when every value in it is a number, datetime when every one is
 * a Date, and text otherwise (so a column of counts with one "3/5" in it is text, and loses nothing).
 */
export function columnTypes(columns: readonly SheetColumn[], rows: readonly SheetRow[]): CellType[] {
  return columns.map((c) => {
    if (c.type) return c.type;
    const seen = new Set(rows.map((r) => typeOf(r[c.key])).filter((t) => t !== undefined));
    return seen.size === 1 ? ([...seen][0] as CellType) : 'text';
  });
}

/**
 * The page and header of a sheet: A4 landscape, one page wide, the header row (row 1) bold, frozen, repeated on
 * every printed page. For a streamed sheet, call before its first row.
 */
export function sheetSetup(
  sheet: ExcelJS.Worksheet,
  columns: readonly SheetColumn[],
  types: readonly CellType[],
  widths: readonly number[],
): ExcelJS.Row {
  sheet.columns = columns.map((c, i) => ({
    key: c.key,
    width: widths[i] ?? 12,
    style: NUM_FMT[types[i] ?? 'text'] ? { numFmt: NUM_FMT[types[i] ?? 'text'] } : {},
  }));
  Object.assign(sheet.pageSetup, {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  });
  sheet.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
  // Headers as a row of their own (not `columns[].header`), so they go through the text rule too.
  const header = sheet.addRow(columns.map((c) => safeText(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  return header;
}

/** Appends a row of values converted to their columns' types, each cell formatted for its type. */
export function typedRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly SheetColumn[],
  types: readonly CellType[],
  row: SheetRow,
): ExcelJS.Row {
  const added = sheet.addRow(columns.map((c, i) => typedCellValue(row[c.key], types[i] ?? 'text')));
  columns.forEach((_, i) => {
    const fmt = NUM_FMT[types[i] ?? 'text'];
    if (fmt) added.getCell(i + 1).numFmt = fmt;
  });
  return added;
}

/** Column widths (characters) from the headers alone, for a sheet whose content is not known in advance. */
export function headerWidths(columns: readonly SheetColumn[], types: readonly CellType[]): number[] {
  return columns.map(
    (c, i) =>
      c.width ??
      Math.min(
        60,
        Math.max(12, displayWidth(c.header, 'text') + 4, displayWidth('x', types[i] ?? 'text') + 2),
      ),
  );
}

/** Adds a sheet with a bold, frozen, filterable header row, widths that fit the content and the print setup. */
export function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly SheetRow[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const types = columnTypes(columns, rows);
  const values = rows.map((row) => columns.map((c, i) => typedCellValue(row[c.key], types[i] ?? 'text')));
  const widths = columns.map((c, i) => {
    const type = types[i] ?? 'text';
    const widest = Math.max(
      displayWidth(c.header, 'text'),
      ...values.map((r) => displayWidth(r[i] ?? null, type)),
    );
    return c.width ?? Math.min(60, Math.max(8, widest + 2));
  });
  sheetSetup(sheet, columns, types, widths);
  for (const row of rows) typedRow(sheet, columns, types, row);
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: columns.length },
  };
  return sheet;
}

export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
