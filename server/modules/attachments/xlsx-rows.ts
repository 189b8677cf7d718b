// Reading an uploaded .xlsx as rows of text, for imports (the pairing list, the units' 联络员): the package is
// checked for zip bombs (entry count, total and ratio, every entry actually inflated with a cap — zip-guard.ts)
// before exceljs inflates anything, and one workbook is parsed at a time so concurrent imports cannot add up
// their memory.
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import { checkZipPackage, isZip } from './zip-guard.js';

/** An import sheet is a few hundred rows: its workbook may unpack to at most 20 MiB. */
export const IMPORT_MAX_UNCOMPRESSED = 20 * 1024 * 1024;

let parsing: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = parsing.then(task, task);
  parsing = run.catch(() => undefined);
  return run;
}

async function sheetRows(bytes: Buffer): Promise<string[][]> {
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
      cells[col - 1] = cell.text ?? '';
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The first worksheet's rows as cell text (row i is the sheet's row i + 1). */
export async function readGuardedXlsxRows(
  bytes: Buffer,
  maxUncompressed = IMPORT_MAX_UNCOMPRESSED,
): Promise<string[][]> {
  if (!isZip(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const verdict = await checkZipPackage(bytes, maxUncompressed);
  if (!verdict.ok) throw new AppError(verdict.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE');
  return oneAtATime(() => sheetRows(bytes));
}
