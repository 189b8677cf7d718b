// Test helper: an .xlsx of rows (first row the header), as base64, written by exceljs.
import ExcelJS from 'exceljs';

export async function xlsxBase64(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联络员');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
