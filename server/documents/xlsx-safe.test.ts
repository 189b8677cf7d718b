// The cell rules of every .xlsx (xlsx-safe.ts), read back with exceljs from the bytes the writers produce: typed
// columns, dates and times as date cells in Asia/Shanghai, rates as percentages, phone numbers exact, A4
// landscape with the header row repeated — for the in-memory workbooks and the streamed ledger export alike.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderAnnualReportsXlsx } from './annual-reports.xlsx.js';
import { renderConferencePackXlsx } from './conference-pack.xlsx.js';
import { streamLedgerXlsx } from './ledger.xlsx.js';
import { ledgerTables } from './ledger-tables.js';
import { longConferenceYear } from './print-fixtures.js';
import { ROSTER_HISTORY_SHEET, ROSTER_SHEET, renderRosterXlsx } from './roster.xlsx.js';
import { addSheet, workbookToBuffer } from './xlsx-safe.js';

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buf).buffer);
  return wb;
}

const sheetOf = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const s = wb.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** No cell of any sheet holds an ISO instant as text (…T…Z). */
async function expectNoIsoText(buf: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(buf);
  for (const name of Object.keys(zip.files).filter((f) => f.startsWith('xl/'))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    expect(xml, name).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/);
    expect(xml, name).not.toMatch(/<f[ >]/);
  }
}

/** Every data cell of column `col` (1-based) has the type `type` or is empty. */
function expectColumnType(sheet: ExcelJS.Worksheet, col: number, type: ExcelJS.ValueType): void {
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cell = sheet.getRow(r).getCell(col);
    if (cell.type !== ExcelJS.ValueType.Null) expect(cell.type, `${cell.address}`).toBe(type);
  }
}

function expectPrintSetup(sheet: ExcelJS.Worksheet): void {
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
}

describe('xlsx cell rules', () => {
  it('writes instants and dates as date cells in Asia/Shanghai, rates as percentages, one type per column', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(
      wb,
      '记录',
      [
        { header: '时间', key: 'at', type: 'datetime' },
        { header: '日期', key: 'day', type: 'date' },
        { header: '按期答复率', key: 'rate', type: 'percent' },
        { header: '电话', key: 'phone', type: 'text' },
        { header: '数量', key: 'n' },
        { header: '情况', key: 'mixed' },
      ],
      [
        // 10:30 in Shanghai; a date column given an instant takes its Shanghai calendar date.
        {
          at: '2026-12-15T02:30:00.000Z',
          day: '2026-12-31T17:00:00.000Z',
          rate: 26 / 28,
          phone: '+86 574 8895 1234',
          n: 3,
          mixed: 3,
        },
        {
          at: '2026-01-01T00:00:00+08:00',
          day: '2026-02-03',
          rate: null,
          phone: 57488951234,
          n: 0,
          mixed: '3/5',
        },
        { at: null, day: null, rate: 1, phone: '=HYPERLINK("http://x")', n: null, mixed: null },
      ],
    );
    const buf = await workbookToBuffer(wb);
    await expectNoIsoText(buf);
    const sheet = sheetOf(await read(buf), '记录');
    expectPrintSetup(sheet);
    const [r2, r3, r4] = [2, 3, 4].map((r) => sheet.getRow(r));
    // Excel dates carry no zone: the cell holds the Shanghai wall clock.
    expect(r2?.getCell(1).value).toEqual(new Date('2026-12-15T10:30:00.000Z'));
    expect(r2?.getCell(1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(r3?.getCell(1).value).toEqual(new Date('2026-01-01T00:00:00.000Z'));
    expect(r2?.getCell(2).value).toEqual(new Date('2027-01-01T00:00:00.000Z'));
    expect(r3?.getCell(2).value).toEqual(new Date('2026-02-03T00:00:00.000Z'));
    expect(r2?.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(r2?.getCell(3).value).toBeCloseTo(0.9286, 4);
    expect(r2?.getCell(3).numFmt).toBe('0.0%');
    expect(r4?.getCell(3).value).toBe(1);
    // The phone number stays exactly what was typed, as text; a formula stays text, quoted against re-entry.
    expect(r2?.getCell(4).value).toBe('+86 574 8895 1234');
    expect(r3?.getCell(4).value).toBe('57488951234');
    expect(r4?.getCell(4).value).toBe(`'=HYPERLINK("http://x")`);
    expect(r2?.getCell(4).numFmt).toBe('@');
    // A column of counts stays numbers; one with a "3/5" in it is text throughout (nothing lost).
    expect(r3?.getCell(5).value).toBe(0);
    expect(r2?.getCell(6).value).toBe('3');
    expect(r3?.getCell(6).value).toBe('3/5');
    expectColumnType(sheet, 1, ExcelJS.ValueType.Date);
    expectColumnType(sheet, 2, ExcelJS.ValueType.Date);
    expectColumnType(sheet, 3, ExcelJS.ValueType.Number);
    expectColumnType(sheet, 4, ExcelJS.ValueType.String);
    expectColumnType(sheet, 5, ExcelJS.ValueType.Number);
    expectColumnType(sheet, 6, ExcelJS.ValueType.String);
  });

  it('streams the ledger with the same rules', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const shape = ledgerTables([]).find((t) => t.kind === 'symposium');
    if (!shape) throw new Error('no symposium table');
    const rows = [
      { startsAt: '2026-12-15T06:00:00.000Z', title: '+86 座谈会', place: '区行政中心', minutes: '-1' },
      { startsAt: '2026-03-01T01:00:00.000Z', title: '总结会', place: null, minutes: '=1+1' },
    ];
    await streamLedgerXlsx({
      title: '台账',
      out,
      sheets: [
        {
          kind: 'symposium',
          rowSlices: async function* () {
            yield { ...shape, rows };
          },
        },
      ],
    });
    const buf = Buffer.concat(chunks);
    await expectNoIsoText(buf);
    const sheet = sheetOf(await read(buf), shape.name);
    expectPrintSetup(sheet);
    const col = (key: string) => shape.columns.findIndex((c) => c.key === key) + 1;
    expect(sheet.getRow(2).getCell(col('startsAt')).value).toEqual(new Date('2026-12-15T14:00:00.000Z'));
    expect(sheet.getRow(2).getCell(col('startsAt')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getRow(3).getCell(col('startsAt')).value).toEqual(new Date('2026-03-01T09:00:00.000Z'));
    expect(sheet.getRow(2).getCell(col('title')).value).toBe("'+86 座谈会");
    expect(sheet.getRow(2).getCell(col('minutes')).value).toBe('-1');
    expect(sheet.getRow(3).getCell(col('minutes')).value).toBe("'=1+1");
    expectColumnType(sheet, col('startsAt'), ExcelJS.ValueType.Date);
  });

  it('the conference pack shows its rates as percentages and its counts as numbers', async () => {
    const buf = await renderConferencePackXlsx(longConferenceYear());
    await expectNoIsoText(buf);
    const wb = await read(buf);
    for (const sheet of wb.worksheets) expectPrintSetup(sheet);
    const sheet = sheetOf(wb, '协商及答复');
    const row = (label: string) =>
      (sheet.getRows(2, sheet.rowCount - 1) ?? []).find((r) => r.getCell(1).value === label);
    expect(row('按期答复率')?.getCell(3).value).toBeCloseTo(26 / 28, 6);
    expect(row('按期答复率')?.getCell(3).numFmt).toBe('0.0%');
    expect(row('按期答复率')?.getCell(2).value).toBeNull();
    expect(row('已答复')?.getCell(2).value).toBe(28);
    expectColumnType(sheet, 2, ExcelJS.ValueType.Number);
    expectColumnType(sheet, 3, ExcelJS.ValueType.Number);
  });

  it('the roster keeps phone numbers exact and its dates as dates', async () => {
    const person = {
      unit: '区教育局',
      unitKind: '政府部门',
      role: '联络员',
      name: '王芳',
      position: '办公室主任',
      officePhone: '0574-88951234',
      mobile: '+86 138 0574 1234',
      servedFrom: '2025-03-01',
      servedTo: null,
    };
    const buf = await renderRosterXlsx({
      date: '2026-12-02',
      current: [person],
      history: [{ ...person, source: '名册', recordedAt: '2025-02-28T16:30:00.000Z' }],
    });
    await expectNoIsoText(buf);
    const wb = await read(buf);
    const current = sheetOf(wb, ROSTER_SHEET).getRow(2);
    expect(current.getCell(6).value).toBe('0574-88951234');
    expect(current.getCell(7).value).toBe('+86 138 0574 1234');
    expect(current.getCell(8).value).toEqual(new Date('2025-03-01T00:00:00.000Z'));
    expect(current.getCell(9).value).toBeNull();
    const history = sheetOf(wb, ROSTER_HISTORY_SHEET).getRow(2);
    expect(history.getCell(11).value).toEqual(new Date('2025-03-01T00:30:00.000Z'));
  });

  it('the annual reports workbook has its deadline and submission time as dates', async () => {
    const buf = await renderAnnualReportsXlsx({
      year: 2026,
      rows: [
        {
          department: '区教育局',
          status: '已提交',
          deadline: '2027-01-31',
          submittedAt: '2027-01-20T07:05:00.000Z',
          late: false,
          counterparts: ['民盟奉化支部'],
          sections: { meetings: '全年召开座谈会2次。' },
        },
      ],
    });
    await expectNoIsoText(buf);
    const row = (await read(buf)).worksheets[0]?.getRow(2);
    expect(row?.getCell(3).value).toEqual(new Date('2027-01-31T00:00:00.000Z'));
    expect(row?.getCell(4).value).toEqual(new Date('2027-01-20T15:05:00.000Z'));
    expect(row?.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
  });
});
