import ExcelJS from 'exceljs';
import { type PairingParseResult, parsePairingRows, parsePairingText } from '../../../common/pairing-text.js';
import { AppError } from '../../errors.js';

/** The first worksheet of an .xlsx as rows of cell text. */
async function readXlsxRows(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = Buffer.from(base64, 'base64');
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
