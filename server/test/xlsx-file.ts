// Test helpers for spreadsheets: an .xlsx of rows (first row the header) as base64, written by exceljs, and a
// downloaded .xlsx read back as a workbook.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

export async function xlsxBase64(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联络员');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** A downloaded .xlsx (an inject() answer) opened by exceljs. */
export async function readXlsx(res: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = res.rawPayload;
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}
