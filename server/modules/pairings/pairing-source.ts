import ExcelJS from 'exceljs';
import { type NoticeReading, readNoticeRows, readNoticeText } from '../../../common/pairing-notice/index.js';
import { AppError } from '../../errors.js';
import { checkZipPackage } from '../attachments/zip-guard.js';
import { docxText } from './notice-docx.js';

/**
 * The bytes of an uploaded .xlsx / .docx, refused before anything unpacks them when they are no zip package
 * or would unpack beyond the shared zip-bomb limits (entry count, total size, ratio).
 */
async function packageBytes(base64: string): Promise<Buffer> {
  const bytes = Buffer.from(base64, 'base64');
  const verdict = await checkZipPackage(bytes);
  if (!verdict.ok) throw new AppError(verdict.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE');
  return bytes;
}

/** The first worksheet of an .xlsx as rows of cell text. */
async function readXlsxRows(base64: string): Promise<string[][]> {
  const bytes = await packageBytes(base64);
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
  const text = await docxText(bytes).catch(() => null);
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
