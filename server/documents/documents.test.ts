// Fast checks on the generated files themselves: unzip the .docx and read the WordprocessingML, read the
// .xlsx back with exceljs. What the pages look like when printed is documents.docs.test.ts's job.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_SECTIONS, renderAnnualReportDocx } from './annual-report.docx.js';
import { chineseDate } from './chinese-date.js';
import {
  FILLED_ANNUAL_REPORT,
  FILLED_REGISTRATION,
  FORMULA_LIKE_NAMES,
  SEED_PAIRING_LIST,
  seedPairingRows,
} from './fixtures.js';
import { renderPairingListDocx } from './pairing-list.docx.js';
import { PAIRING_LIST_SHEET, renderPairingListXlsx } from './pairing-list.xlsx.js';
import { renderRegistrationFormDocx } from './registration-form.docx.js';
import { safeCellValue } from './xlsx-safe.js';

interface DocxParts {
  document: string;
  styles: string;
  fontTable: string;
  /** The text of every w:t, concatenated — what a reader sees, without the markup. */
  text: string;
  /** The text of each w:p, to check what is printed as a paragraph of its own. */
  paragraphs: string[];
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

// `<w:t>` or `<w:t xml:space=…>`, but not <w:tab/>, <w:tbl>, <w:tc>…
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');

async function unzipDocx(buf: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} missing from the .docx`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  return {
    document,
    styles: await read('word/styles.xml'),
    fontTable: await read('word/fontTable.xml'),
    text: textOf(document),
    paragraphs: [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => textOf(m[1] ?? '')),
  };
}

const count = (xml: string, re: RegExp): number => [...xml.matchAll(re)].length;

/** What every official form must have: A4, GB/T 9704 margins, an East-Asian font on every run, 仿宋 defaults. */
function expectOfficialLayout(d: DocxParts): void {
  expect(d.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const margins = /<w:pgMar ([^>]*)\/>/.exec(d.document)?.[1] ?? '';
  expect(margins).toContain('w:top="2098"'); // 37mm
  expect(margins).toContain('w:bottom="1984"'); // 35mm
  expect(margins).toContain('w:left="1587"'); // 28mm
  expect(margins).toContain('w:right="1474"'); // 26mm

  const runs = [...d.document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1] ?? '');
  expect(runs.length).toBeGreaterThan(0);
  for (const r of runs) expect(r).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"/);
  expect(d.document).toContain('w:eastAsia="仿宋_GB2312"');
  expect(d.document).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/); // title: 小标宋 2号

  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(d.styles)?.[1] ?? '';
  expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
  expect(defaults).toContain('<w:sz w:val="32"/>'); // 3号
  expect(defaults).toContain('w:lineRule="exact"');
  expect(d.fontTable).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
}

describe('附件1 对口联系名单 (.docx)', () => {
  it('prints the seed list in official layout, one paragraph per counterpart', async () => {
    const d = await unzipDocx(await renderPairingListDocx(SEED_PAIRING_LIST));
    expectOfficialLayout(d);
    expect(d.document).toContain('w:eastAsia="黑体"'); // 附件1 label
    expect(d.paragraphs[0]).toBe('附件1');
    expect(d.paragraphs).toContain('区政府部门与民主党派、工商联和无党派人士对口联系名单');
    expect(d.paragraphs).toContain('（奉政发〔2019〕47号）');
    expect(d.paragraphs).toContain(
      '民革奉化区委会：区公安分局、区司法局、区交通局、区农业农村局、区卫生健康局、区综合执法局',
    );
    for (const g of SEED_PAIRING_LIST.groups) {
      expect(d.paragraphs).toContain(`${g.counterpart}：${g.departments.join('、')}`);
    }
    expect(d.document).toContain('w:firstLineChars="200"');
    expect(d.text).not.toContain('共同联系单位');
  });

  it('adds 共同联系单位 last, and drops the label and note when asked', async () => {
    const d = await unzipDocx(
      await renderPairingListDocx({
        ...SEED_PAIRING_LIST,
        attachmentLabel: null,
        source: null,
        title: '2024年度对口联系名单',
        sharedDepartments: ['区府办', '区委统战部'],
      }),
    );
    expect(d.paragraphs[0]).toBe('2024年度对口联系名单');
    expect(d.paragraphs.at(-1)).toBe('共同联系单位：区府办、区委统战部');
    expect(d.text).not.toContain('附件1');
    expect(d.text).not.toContain('奉政发');
  });
});

describe('附件2 分管领导、联络员登记表', () => {
  it('fills the names, positions and phones into a bordered 3×4 table', async () => {
    const d = await unzipDocx(await renderRegistrationFormDocx(FILLED_REGISTRATION));
    expectOfficialLayout(d);
    expect(d.paragraphs[0]).toBe('附件2');
    expect(d.paragraphs).toContain('对口联系工作分管领导、联络员登记表');
    expect(d.paragraphs).toContain('单位名称（盖章）：区自然资源和规划分局2019年5月30日');
    expect(d.document).toContain('<w:tab w:val="right" w:pos="8845"/>'); // date against the right margin
    for (const p of [FILLED_REGISTRATION.leader, FILLED_REGISTRATION.liaison]) {
      for (const v of [p?.name, p?.position, p?.phone]) expect(d.paragraphs).toContain(v);
    }
    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(d.document)?.[1] ?? '';
    expect(count(table, /<w:tr>/g)).toBe(3);
    expect(count(table, /<w:tc>/g)).toBe(12);
    expect(table).toMatch(/<w:insideV w:val="single"/);
    expect(table).toMatch(/<w:tcBorders><w:top w:val="single"/);
    for (const h of ['姓名', '职务', '联系电话', '分管领导', '联络员']) expect(d.paragraphs).toContain(h);
    expect(d.paragraphs).toContain('注：此表请于2019年6月5日前报区委统战部党派干部科');
    expect(d.paragraphs).toContain('联系人：邬锡明；联系电话：89294017；传真：88522300');
  });

  it('leaves blanks to fill in by hand', async () => {
    const d = await unzipDocx(
      await renderRegistrationFormDocx({
        ...FILLED_REGISTRATION,
        organisationName: null,
        date: null,
        leader: null,
        liaison: null,
      }),
    );
    expect(d.paragraphs).toContain('单位名称（盖章）：　　　　　　　　2019年　　月　　日');
    expect(d.document).toContain('<w:u w:val="single"/>');
    expect(d.text).not.toContain('王建国');
  });

  it('rejects a deadline that is not a date', async () => {
    await expect(
      renderRegistrationFormDocx({ ...FILLED_REGISTRATION, deadline: '2019-06-31' }),
    ).rejects.toThrow(RangeError);
  });
});

describe('附件3 年度对口联系工作情况报告表', () => {
  it('exports the seven sections in the order of the printed form', () => {
    expect(ANNUAL_REPORT_SECTIONS.map((s) => s.title)).toEqual([
      '对口联系会议情况',
      '重大事项通报协商情况',
      '相互邀请参加重要会议和重大活动情况',
      '文件信息交流情况',
      '联合调研情况',
      '共同开展社会服务活动情况',
      '其他',
    ]);
  });

  it('prints every input, with 年度情况 one cell merged down the seven section rows', async () => {
    const d = await unzipDocx(await renderAnnualReportDocx({ reports: [FILLED_ANNUAL_REPORT] }));
    expectOfficialLayout(d);
    const r = FILLED_ANNUAL_REPORT;
    expect(d.paragraphs).toContain('2019年度对口联系工作情况报告表');
    expect(d.paragraphs).toContain('部  门：区教育局2020年1月20日');
    for (const v of [
      r.counterparts.join('、'),
      r.leader?.name,
      r.leader?.phone,
      r.liaison?.name,
      r.liaison?.phone,
    ]) {
      expect(d.paragraphs).toContain(v);
    }
    for (const s of r.sections) expect(d.paragraphs).toContain(s.title);
    // Text with \n is printed as separate paragraphs.
    expect(d.paragraphs).toContain('召开对口联系工作座谈会2次。');
    expect(d.paragraphs).toContain('研究确定年度对口联系工作计划。');

    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(d.document)?.[1] ?? '';
    expect(count(table, /<w:tr>/g)).toBe(3 + 7);
    expect(count(table, /<w:vMerge w:val="restart"\/>/g)).toBe(1);
    expect(count(table, /<w:vMerge(?: w:val="continue")?\/>/g)).toBe(6);
    // One character a line, so it reads top to bottom.
    expect(d.paragraphs.join('|')).toContain('年|度|情|况');
    expect(d.paragraphs.at(-1)).toBe('注：各政府部门应在每年1月下旬将报告表及时报区委统战部');
  });

  it('puts several departments in one file, each on a page of its own', async () => {
    const other = {
      ...FILLED_ANNUAL_REPORT,
      department: '区卫生健康局',
      date: null,
      leader: null,
      sections: [],
    };
    const d = await unzipDocx(await renderAnnualReportDocx({ reports: [FILLED_ANNUAL_REPORT, other] }));
    expect(count(d.document, /<w:sectPr>/g)).toBe(2);
    expect(count(d.document, /<w:tbl>/g)).toBe(2);
    expect(d.paragraphs).toContain('部  门：区卫生健康局　　年　　月　　日');
    // A report without sections still prints the seven rows, blank.
    const secondTable = d.document.split('<w:tbl>')[2] ?? '';
    for (const s of ANNUAL_REPORT_SECTIONS) expect(textOf(secondTable)).toContain(s.title);
  });

  it('refuses an empty list of reports', async () => {
    await expect(renderAnnualReportDocx({ reports: [] })).rejects.toThrow(RangeError);
  });
});

describe('chineseDate', () => {
  it('prints numerals without leading zeros and rejects impossible dates', () => {
    expect(chineseDate('2019-06-05')).toBe('2019年6月5日');
    expect(chineseDate('2020-12-31')).toBe('2020年12月31日');
    expect(() => chineseDate('2019-02-29')).toThrow(RangeError);
    expect(() => chineseDate('2019/06/05')).toThrow(RangeError);
  });
});

describe('safeCellValue', () => {
  it('prefixes text a spreadsheet would evaluate, and leaves everything else alone', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(1)', '\t=1', '\r=1', '＝1+1'])
      expect(safeCellValue(v)).toBe(`'${v}`);
    for (const v of ['区教育局', '1-2', 'a=b', '', "'already"]) expect(safeCellValue(v)).toBe(v);
    expect(safeCellValue(-1)).toBe(-1);
    expect(safeCellValue(2019)).toBe(2019);
    expect(safeCellValue(Number.NaN)).toBeNull();
    expect(safeCellValue(null)).toBeNull();
    expect(safeCellValue(undefined)).toBeNull();
    expect(safeCellValue(true)).toBe(true);
  });
});

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types `load` for an ArrayBuffer; a copy into a fresh Uint8Array gives exactly that.
  await wb.xlsx.load(new Uint8Array(buf).buffer);
  return wb;
}

describe('附件1 对口联系名单 (.xlsx)', () => {
  const rows = [
    ...seedPairingRows(),
    ...FORMULA_LIKE_NAMES.map((department) => ({
      counterpart: '区工商联',
      department,
      validFrom: 2020,
      validTo: 2022,
      source: null,
      shared: true,
    })),
  ];

  it('has a header row and one row per pair', async () => {
    const wb = await readXlsx(await renderPairingListXlsx({ year: 2019, rows }));
    const sheet = wb.getWorksheet(PAIRING_LIST_SHEET);
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getRow(1).values).toEqual([
      undefined, // exceljs rows are 1-based
      '联系对象',
      '对口联系部门',
      '起始年度',
      '终止年度',
      '文号',
      '共同联系',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(1 + 26 + FORMULA_LIKE_NAMES.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '民革奉化区委会',
      '区公安分局',
      2019,
      undefined,
      '奉政发〔2019〕47号',
      '否',
    ]);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20); // 区自然资源和规划分局 is 20 columns wide
  });

  it('writes formula-like department names as quoted plain strings, never formulas', async () => {
    const buf = await renderPairingListXlsx({ year: 2019, rows });
    const wb = await readXlsx(buf);
    const sheet = wb.getWorksheet(PAIRING_LIST_SHEET);
    if (!sheet) throw new Error('sheet missing');
    const firstEvil = 1 + 26 + 1;
    FORMULA_LIKE_NAMES.forEach((name, i) => {
      const cell = sheet.getCell(firstEvil + i, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(`'${name}`);
      expect(cell.formula).toBeUndefined();
    });
    const xml = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')?.async('string');
    expect(xml).toBeDefined();
    expect(xml).not.toMatch(/<f[ >]/);
  });
});

// Keep the fixture honest: the seed list of 奉政发〔2019〕47号 has 5 counterparts and 26 departments.
it('the seed 附件1 fixture is complete', () => {
  expect(SEED_PAIRING_LIST.groups).toHaveLength(5);
  expect(SEED_PAIRING_LIST.groups.flatMap((g) => g.departments)).toHaveLength(26);
  expect(new Set(seedPairingRows().map((r) => r.department)).size).toBe(26);
  expect(chineseDate(FILLED_REGISTRATION.deadline ?? '')).toBe('2019年6月5日');
});
