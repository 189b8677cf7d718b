import ExcelJS from 'exceljs';
import { type NoticeReading, readNoticeRows, readNoticeText } from '../../../common/pairing-notice/index.js';
import { AppError } from '../../errors.js';
import { checkZipPackage, isZip } from '../attachments/zip-guard.js';
import { docxText } from './notice-docx.js';

/**
 * A pairing list is a few hundred rows: its workbook or notice may unpack to at most 20 MiB (the attachments' zip
 * limits otherwise — entries, ratio, no ZIP64 or encryption), checked before anything inflates it.
 */
export const IMPORT_MAX_UNCOMPRESSED = 20 * 1024 * 1024;

/** One package is unpacked at a time, so concurrent imports cannot add up their memory. */
let parsing: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = parsing.then(task, task);
  parsing = run.catch(() => undefined);
  return run;
}

/**
 * The bytes of an uploaded .xlsx / .docx, refused before anything unpacks them when they are no zip package
 * or would unpack beyond the shared zip-bomb limits (entry count, total size, ratio).
 */
async function packageBytes(base64: string): Promise<Buffer> {
  const bytes = Buffer.from(base64, 'base64');
  if (!isZip(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const verdict = await checkZipPackage(bytes, IMPORT_MAX_UNCOMPRESSED);
  if (!verdict.ok) throw new AppError(verdict.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE');
  return bytes;
}

/** The first worksheet of an .xlsx as rows of cell text. */
async function readXlsxRows(base64: string): Promise<string[][]> {
  const bytes = await packageBytes(base64);
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

async function readDocx(base64: string): Promise<string> {
  const bytes = await packageBytes(base64);
  const text = await oneAtATime(() => docxText(bytes)).catch(() => null);
  if (text === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return text;
}

/** Read whichever source the request gave: pasted text, the notice as a .docx, or a workbook. */
export async function readImportSource(input: {
  text?: string;
  xlsxBase64?: string;
  docxBase64?: string;
}): Promise<NoticeReading> {
  if (input.xlsxBase64) return readNoticeRows(await readXlsxRows(input.xlsxBase64));
  if (input.docxBase64) return readNoticeText(await readDocx(input.docxBase64));
  return readNoticeText(input.text ?? '');
}
