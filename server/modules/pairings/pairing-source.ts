import ExcelJS from 'exceljs';
import { type PairingParseResult, parsePairingRows, parsePairingText } from '../../../common/pairing-text.js';
import { AppError } from '../../errors.js';
import { checkZipPackage, isZip } from '../attachments/zip-guard.js';

/**
 * A pairing list is a few hundred rows: its workbook may unpack to at most 20 MiB (the attachments' zip
 * limits otherwise — entries, ratio, no ZIP64 or encryption), checked before exceljs inflates anything.
 */
export const IMPORT_MAX_UNCOMPRESSED = 20 * 1024 * 1024;

/** One workbook is parsed at a time, so concurrent imports cannot add up their memory. */
let parsing: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = parsing.then(task, task);
  parsing = run.catch(() => undefined);
  return run;
}

/** The first worksheet of an .xlsx as rows of cell text. */
async function readXlsxRows(base64: string): Promise<string[][]> {
  const bytes = Buffer.from(base64, 'base64');
  if (!isZip(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const zip = await checkZipPackage(bytes, IMPORT_MAX_UNCOMPRESSED);
  if (!zip.ok) throw new AppError(zip.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE');
  return oneAtATime(() => sheetRows(bytes));
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
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Parse whichever source the request gave: pasted text or a two-column workbook. */
export async function parseImportSource(input: {
  text?: string;
  xlsxBase64?: string;
}): Promise<PairingParseResult> {
  if (input.xlsxBase64) return parsePairingRows(await readXlsxRows(input.xlsxBase64));
  return parsePairingText(input.text ?? '');
}
