// The ledger as a workbook: a sheet per kind, under the cell rules of xlsx-safe.ts (typed columns, dates as date
// cells in Asia/Shanghai, text never a formula, A4 landscape with the header repeated).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type LedgerTable, ledgerTables } from './ledger-tables.js';
import {
  addSheet,
  columnTypes,
  headerWidths,
  sheetName,
  sheetSetup,
  typedRow,
  workbookToBuffer,
} from './xlsx-safe.js';

export async function renderLedgerXlsx(input: {
  title: string;
  tables: readonly LedgerTable[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = input.title;
  for (const t of input.tables) addSheet(wb, t.name, t.columns, t.rows);
  return workbookToBuffer(wb);
}

/**
 * The same workbook streamed (exceljs WorkbookWriter): a sheet per kind, written a slice of records at a
 * time and committed row by row, so a 100,000-row ledger never sits in memory as a whole. Column widths
 * come from the headers (the content is not known before it is written).
 */
const ROWS_PER_STEP = 50;

export async function streamLedgerXlsx(input: {
  title: string;
  out: Writable;
  /** per kind, the slices of rows to write (each slice loaded when asked for) */
  sheets: readonly { kind: LedgerTable['kind']; rowSlices: () => AsyncIterable<LedgerTable> }[];
}): Promise<void> {
  // zlib level 1: the large export is CPU-bound on deflate; a few per cent larger file, about half the time
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: input.out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  wb.title = input.title;
  const empty = new Map(ledgerTables([]).map((t) => [t.kind, t]));
  for (const s of input.sheets) {
    const shape = empty.get(s.kind) as LedgerTable;
    const sheet = wb.addWorksheet(sheetName(shape.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    // Declared types only: the content is not known before it is written.
    const types = columnTypes(shape.columns, []);
    sheetSetup(sheet, shape.columns, types, headerWidths(shape.columns, types)).commit();
    let n = 0;
    for await (const table of s.rowSlices()) {
      for (const row of table.rows) {
        typedRow(sheet, shape.columns, types, row).commit();
        n++;
        // every ROWS_PER_STEP rows: let the zip and the socket catch up (backpressure) and other requests run,
        // so no step holds the event loop for more than a few milliseconds
        if (n % ROWS_PER_STEP === 0) {
          if (input.out.writableNeedDrain) await once(input.out, 'drain');
          else await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, n + 1), column: shape.columns.length },
    };
    sheet.commit();
  }
  await wb.commit();
}
