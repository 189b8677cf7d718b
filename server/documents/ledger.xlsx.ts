// The ledger as a workbook: a sheet per kind, every user-typed text written as text (never a formula).
import ExcelJS from 'exceljs';
import type { LedgerTable } from './ledger-tables.js';
import { addSheet, workbookToBuffer } from './xlsx-safe.js';

export async function renderLedgerXlsx(input: {
  title: string;
  tables: readonly LedgerTable[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = input.title;
  for (const t of input.tables) addSheet(wb, t.name, t.columns, t.rows);
  return workbookToBuffer(wb);
}
