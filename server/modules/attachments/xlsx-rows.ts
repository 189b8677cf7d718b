// Reading uploaded OOXML packages for imports (the pairing list as .xlsx or .docx, the units' 联络员 sheet): the
// package is refused before anything unpacks it when it is no zip or would unpack beyond the zip-bomb limits
// (entry count, total, ratio, every entry actually inflated with a cap — zip-guard.ts), and one package is
// unpacked at a time so concurrent imports cannot add up their memory.
import ExcelJS from 'exceljs';
import { formatSize } from '../../../common/file-size.js';
import { AppError } from '../../errors.js';
import { checkZipPackage, isZip } from './zip-guard.js';

/** An import is a few hundred rows: its workbook or notice may unpack to at most 20 MiB. */
export const IMPORT_MAX_UNCOMPRESSED = 20 * 1024 * 1024;

let unpacking: Promise<unknown> = Promise.resolve();
/** Run one unpacking task at a time (process-wide). */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = unpacking.then(task, task);
  unpacking = run.catch(() => undefined);
  return run;
}

/** The bytes of an uploaded package, or 415 (no zip) / 413 (a bomb) before anything inflates them. */
export async function guardedPackage(
  bytes: Buffer,
  maxUncompressed = IMPORT_MAX_UNCOMPRESSED,
): Promise<Buffer> {
  if (!isZip(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const verdict = await checkZipPackage(bytes, maxUncompressed);
  if (!verdict.ok && verdict.tooLarge)
    throw new AppError('PAYLOAD_TOO_LARGE', { limit: formatSize(maxUncompressed) });
  if (!verdict.ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return bytes;
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
export async function readGuardedXlsxRows(bytes: Buffer): Promise<string[][]> {
  const checked = await guardedPackage(bytes);
  return oneAtATime(() => sheetRows(checked));
}
