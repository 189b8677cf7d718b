// Reading an uploaded .xlsx as rows of text, for imports: the package is checked for zip bombs (entry count,
// total and ratio, every entry actually inflated with a cap — zip-guard.ts) before exceljs inflates it.
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import { checkZipPackage } from './zip-guard.js';

/** The first worksheet's rows as trimmed cell text (row i is the sheet's row i + 1). */
export async function readGuardedXlsxRows(bytes: Buffer): Promise<string[][]> {
  const verdict = await checkZipPackage(bytes);
  if (!verdict.ok) throw new AppError(verdict.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = (cell.text ?? '').trim();
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}
