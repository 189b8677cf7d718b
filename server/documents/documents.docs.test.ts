import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceResponse } from '../../common/schemas/reports.js';
import { type LedgerCast, ledgerCast } from '../modules/ledger/ledger.fixtures.js';
import { knownYear, YEAR } from '../modules/reports/reports.fixtures.js';
import { buildTestApp, type TestApp } from '../test/helper.js';
import { jobDocument } from '../test/jobs.js';
import { officePrinter, run, SOFFICE, squash } from '../test/printer.js';
import { ANNUAL_REPORT_SECTIONS, renderAnnualReportDocx } from './annual-report.docx.js';
import { renderConferencePackDocx } from './conference-pack.docx.js';
import { FILLED_ANNUAL_REPORT, FILLED_REGISTRATION, SEED_PAIRING_LIST } from './fixtures.js';
import { streamLedgerDocx } from './ledger.docx.js';
import { PAGE } from './official-style.js';
import { renderPairingListDocx } from './pairing-list.docx.js';
import { longConferenceYear, longLedgerTable, rowMarker } from './print-fixtures.js';
import { renderRegistrationFormDocx } from './registration-form.docx.js';

const printer = officePrinter();

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
}

interface Printed {
  pages: number;
  /** pdftotext -layout */
  layout: string;
  /** pdftotext -raw: content-stream order, so a cell's wrapped lines stay together. */
  raw: string;
  /** The words of page 1 with their positions in points, from pdftotext -bbox. */
  words: Word[];
  /** pdftotext -raw of each page (pdftotext ends a page with a form feed). */
  rawPages: string[];
  /** The words of every page, as `words` is for page 1. */
  pageWords: Word[][];
}

async function print(docx: Buffer, name: string): Promise<Printed> {
  const pdf = await printer.print(docx, name);
  const [info, layout, raw, bbox] = await Promise.all([
    run('pdfinfo', [pdf]),
    run('pdftotext', ['-layout', pdf, '-']),
    run('pdftotext', ['-raw', pdf, '-']),
    run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }),
  ]);
  const pageWords = bbox.stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' })),
    );
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]),
    layout: layout.stdout,
    raw: raw.stdout,
    words: pageWords[0] ?? [],
    rawPages: raw.stdout.split('\f').slice(0, -1),
    pageWords,
  };
}

const pt = (twips: number): number => twips / 20;
const TYPE_AREA = { left: pt(PAGE.margin.left), right: pt(PAGE.width - PAGE.margin.right) };

/** The words on the same baseline as the first word that starts `start`, left to right. */
function lineOf(p: Printed, start: string): Word[] {
  const first = p.words.find((w) => w.text.startsWith(start));
  if (!first) throw new Error(`"${start}" not on page 1`);
  return p.words.filter((w) => Math.abs(w.yMin - first.yMin) < 2).sort((a, b) => a.xMin - b.xMin);
}

/** A line is centred in the type area when its middle is within 3pt of the type area's middle. */
function expectCentred(p: Printed, start: string): void {
  const line = lineOf(p, start);
  const left = Math.min(...line.map((w) => w.xMin));
  const right = Math.max(...line.map((w) => w.xMax));
  expect(Math.abs((left + right) / 2 - (TYPE_AREA.left + TYPE_AREA.right) / 2), start).toBeLessThan(3);
}

it('has LibreOffice and poppler installed', async () => {
  // Fails rather than skips: without them this suite would pass while checking nothing.
  await expect(run(SOFFICE, ['--version']), 'soffice (LibreOffice) is required').resolves.toBeTruthy();
  await expect(run('pdftotext', ['-v']), 'pdftotext (poppler-utils) is required').resolves.toBeTruthy();
});

describe('printed 附件1', () => {
  it('holds every counterpart and department of the seed list on one page', async () => {
    const p = await print(await renderPairingListDocx(SEED_PAIRING_LIST), 'pairing-list');
    expect(p.pages).toBe(1);
    const text = squash(p.layout);
    for (const g of SEED_PAIRING_LIST.groups) {
      expect(text).toContain(`${g.counterpart}：`);
      for (const d of g.departments) expect(text).toContain(d);
    }
    expect(text).toContain('区政府部门与民主党派、工商联和无党派人士对口联系名单');
    expect(text).toContain('（奉政发〔2019〕47号）');
    expect(p.layout.trimStart().startsWith('附件 1') || p.layout.trimStart().startsWith('附件1')).toBe(true);
    expect(lineOf(p, '附件')[0]?.xMin).toBeCloseTo(TYPE_AREA.left, 0);
    expectCentred(p, '对口联系名单');
  });
});

describe('printed 附件2', () => {
  it('holds the filled names, positions and phones in the table rows', async () => {
    const p = await print(await renderRegistrationFormDocx(FILLED_REGISTRATION), 'registration-form');
    expect(p.pages).toBe(1);
    const text = squash(p.layout);
    for (const v of [
      '对口联系工作分管领导、联络员登记表',
      '单位名称（盖章）：区自然资源和规划分局',
      '2019年5月30日',
    ]) {
      expect(text).toContain(v);
    }
    // Each person on one printed row, in the order of the header 姓名 | 职务 | 联系电话.
    for (const [label, person] of [
      ['分管领导', FILLED_REGISTRATION.leader],
      ['联络员', FILLED_REGISTRATION.liaison],
    ] as const) {
      const row = p.layout.split('\n').find((l) => l.trimStart().startsWith(label)) ?? '';
      expect(squash(row)).toBe(`${label}${person?.name}${person?.position}${person?.phone}`);
    }
    expect(text).toContain('注：此表请于2019年6月5日前报区委统战部党派干部科');
    expect(text).toContain('联系人：邬锡明；联系电话：89294017；传真：88522300');
    expectCentred(p, '对口联系工作分管领导');
    // The date sits against the right margin, on the line of 单位名称.
    expect(Math.max(...lineOf(p, '单位名称').map((w) => w.xMax))).toBeCloseTo(TYPE_AREA.right, 0);
  });

  it('prints the blank form on one page too', async () => {
    const blank = { ...FILLED_REGISTRATION, organisationName: null, date: null, leader: null, liaison: null };
    const p = await print(await renderRegistrationFormDocx(blank), 'registration-form-blank');
    expect(p.pages).toBe(1);
    expect(squash(p.layout)).toContain('2019年月日');
  });
});

describe('printed 附件3', () => {
  it('holds the seven section titles and the filled values, with 年度情况 written down the first column', async () => {
    const blank = {
      ...FILLED_ANNUAL_REPORT,
      department: '区卫生健康局',
      date: null,
      leader: null,
      liaison: null,
      sections: ANNUAL_REPORT_SECTIONS.map((s) => ({ ...s, text: '' })),
    };
    const p = await print(
      await renderAnnualReportDocx({ reports: [FILLED_ANNUAL_REPORT, blank] }),
      'annual-report',
    );
    expect(p.pages).toBe(2); // one page per department
    // -raw, because in -layout a title wrapped inside its cell is interleaved with the cells beside it.
    const raw = squash(p.raw);
    for (const s of ANNUAL_REPORT_SECTIONS) expect(raw.split(s.title).length - 1, s.title).toBe(2);
    for (const s of FILLED_ANNUAL_REPORT.sections) expect(raw).toContain(s.text.replace(/\s+/g, ''));
    const r = FILLED_ANNUAL_REPORT;
    const layout = squash(p.layout);
    for (const v of [
      '2019年度对口联系工作情况报告表',
      '部门：区教育局2020年1月20日',
      '部门：区卫生健康局',
      `责任领导${r.leader?.name}联系电话${r.leader?.phone}`,
      `联络员${r.liaison?.name}联系电话${r.liaison?.phone}`,
      '民盟奉化支部',
      '注：各政府部门应在每年1月下旬将报告表及时报区委统战部',
    ]) {
      expect(layout).toContain(v);
    }
    expectCentred(p, '年度对口联系工作情况报告表');
    // 年 度 情 况: one above the other in the first column, left of the section titles.
    const titleLeft = p.words.find((w) => w.text.startsWith('对口联系会议情况'))?.xMin ?? 0;
    const below = lineOf(p, '联络员')[0]?.yMin ?? 0; // the last row above the section rows
    const column = p.words.filter((w) => w.yMin > below && w.xMax < titleLeft && w.text.length === 1);
    column.sort((a, b) => a.yMin - b.yMin);
    expect(column.map((w) => w.text).join('')).toBe('年度情况');
    for (const w of column) expect(Math.abs(w.xMin - (column[0]?.xMin ?? 0))).toBeLessThan(1);
  });
});

// GB/T 9704 §7.5: "— 1 —" under the type area, its top 7mm below it; odd pages one character in from the
// right edge of the type area, even pages one character in from the left.
function expectPageNumbers(p: Printed): void {
  expect(p.pageWords).toHaveLength(p.pages);
  const typeAreaBottom = pt(PAGE.height - PAGE.margin.bottom);
  const oneChar = 14;
  p.pageWords.forEach((words, i) => {
    const n = i + 1;
    // The number and the two dashes either side of it: the lowest line of the page.
    const number = words.find((w) => w.text === String(n) && w.yMin > typeAreaBottom);
    expect(number, `page ${n} has its number`).toBeDefined();
    const line = words
      .filter((w) => Math.abs(w.yMin - (number?.yMin ?? 0)) < 2)
      .sort((a, b) => a.xMin - b.xMin);
    expect(line.map((w) => w.text).join(' '), `page ${n}`).toBe(`— ${n} —`);
    const top = number?.yMin ?? 0;
    expect(top - typeAreaBottom, `page ${n}: 7mm below the type area`).toBeGreaterThan(pt(mmTwips(4)));
    expect(top - typeAreaBottom, `page ${n}: 7mm below the type area`).toBeLessThan(pt(mmTwips(10)));
    const left = line[0]?.xMin ?? 0;
    const right = line[line.length - 1]?.xMax ?? 0;
    if (n % 2 === 1)
      expect(TYPE_AREA.right - oneChar - right, `odd page ${n} at the right`).toBeCloseTo(0, -0.5);
    else expect(left - (TYPE_AREA.left + oneChar), `even page ${n} at the left`).toBeCloseTo(0, -0.5);
  });
}

const mmTwips = (v: number): number => (v / 25.4) * 1440;

/** The 台账 as the export writes it: streamed from its template rows. */
async function streamedLedger(table: ReturnType<typeof longLedgerTable>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await streamLedgerDocx(
    {
      title: '2026年对口联系工作台账',
      subtitle: null,
      kinds: [
        {
          name: table.name,
          count: table.printed.length,
          slices: async function* () {
            yield table;
          },
        },
      ],
    },
    out,
  );
  return Buffer.concat(chunks);
}

describe('printed pages (GB/T 9704)', () => {
  it('numbers every page of the conference pack at the outside corner and repeats the pair table header', async () => {
    const year = longConferenceYear();
    const p = await print(await renderConferencePackDocx(year), 'conference-pack');
    expect(p.pages).toBeGreaterThan(2);
    expect(squash(p.layout)).toContain('— 1 —'.replace(/\s/g, ''));
    expectPageNumbers(p);
    // Each pair's row on one page, whole: its department (with the row marker) and its counterpart together;
    // and every page holding pair rows starts them under the repeated header.
    const pagesWithRows = new Set<number>();
    year.pairs.forEach((pair, i) => {
      const marker = rowMarker(i + 1);
      const pages = p.rawPages.flatMap((text, n) => (squash(text).includes(marker) ? [n] : []));
      expect(pages, marker).toHaveLength(1);
      const page = squash(p.rawPages[pages[0] as number] ?? '');
      expect(page, marker).toContain(`${pair.counterpart.name}${pair.department.name}`);
      pagesWithRows.add(pages[0] as number);
    });
    expect(pagesWithRows.size).toBeGreaterThan(1);
    for (const n of pagesWithRows)
      expect(squash(p.rawPages[n] ?? ''), `page ${n + 1}`).toContain('序号联系对象部门');
  });

  it('never splits a 台账 row across pages and keeps each heading with its table', async () => {
    const table = longLedgerTable();
    const p = await print(await streamedLedger(table), 'ledger');
    expect(p.pages).toBeGreaterThan(3);
    expectPageNumbers(p);
    table.printed.forEach((row, i) => {
      const marker = rowMarker(i + 1);
      // The marker is in two cells of the row (事项 and 情况); -raw gives each cell's lines together, so a row
      // broken over a page would leave part of its 情况 on the next page.
      const pages = p.rawPages.flatMap((text, n) => (squash(text).includes(marker) ? [n] : []));
      expect(pages, marker).toHaveLength(1);
      const page = squash(p.rawPages[pages[0] as number] ?? '');
      expect(page, marker).toContain(squash(row.details));
      expect(page, marker).toContain(squash(row.title));
    });
    // The heading is on the page of the table's first rows.
    expect(squash(p.rawPages[0] ?? '')).toContain('一、座谈会（60项）序号');
  });

  it('prints each 附件3 on one page, numbered', async () => {
    const p = await print(
      await renderAnnualReportDocx({ reports: [FILLED_ANNUAL_REPORT] }),
      'annual-report-one',
    );
    expect(p.pages).toBe(1);
    expectPageNumbers(p);
  });
});

// A year of records entered through the API (the 26 pairs of the seed list), its pack built by the job and
// its 附件3 downloaded as a user would, then printed: every page numbered, every pair's row whole on one page.
describe('a year, printed (GB/T 9704)', () => {
  let t: TestApp;
  let c: LedgerCast;

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    c = await ledgerCast(t);
    await knownYear(c);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('numbers the pages of the conference pack and prints each pair row whole under a repeated header', async () => {
    const p = await print(await jobDocument(c.tzb, 'conference-pack-docx', YEAR), 'conference-pack-year');
    expect(p.pages).toBeGreaterThan(1);
    expectPageNumbers(p);
    const data = (await c.tzb.get(`/api/v1/conference/${YEAR}`)).json() as ConferenceResponse;
    expect(data.pairs).toHaveLength(26);
    const pagesWithRows = new Set<number>();
    data.pairs.forEach((pair, i) => {
      // A row's 序号, counterpart and department, in content order: together on one page, or the row was split.
      const row = squash(`${i + 1}${pair.counterpart.name}${pair.department.name}`);
      const pages = p.rawPages.flatMap((text, n) => (squash(text).includes(row) ? [n] : []));
      expect(pages, row).toHaveLength(1);
      pagesWithRows.add(pages[0] as number);
    });
    for (const n of pagesWithRows)
      expect(squash(p.rawPages[n] ?? ''), `page ${n + 1}`).toContain('序号联系对象部门');
  });

  it('numbers the pages of a full 附件3, each section row whole; a quiet year’s 附件3 fits one page', async () => {
    const url = (id: number) => `/api/v1/documents/annual-report.docx?departmentId=${id}&year=${YEAR}`;
    const full = await c.dept.get(url(c.ids.jiaoyu));
    expect(full.statusCode).toBe(200);
    const p = await print(full.rawPayload, 'annual-report-year');
    expectPageNumbers(p);
    // Too much for one page: it runs on, but no section's text is cut between pages.
    const report = (await c.dept.get(`/api/v1/reports/${c.ids.jiaoyu}/${YEAR}`)).json() as {
      sections: { title: string; text: string }[];
    };
    for (const section of report.sections) {
      const text = squash(section.text);
      expect(
        p.rawPages.some((page) => squash(page).includes(text)),
        section.title,
      ).toBe(true);
    }
    const quiet = await c.otherDept.get(url(c.ids.gongan));
    expect(quiet.statusCode).toBe(200);
    const q = await print(quiet.rawPayload, 'annual-report-quiet');
    expect(q.pages).toBe(1);
    expectPageNumbers(q);
  });
});
