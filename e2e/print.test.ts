import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../common/report-prose.js';
import { launchBrowser, login, type RunningServer, startServer } from './helpers.js';

// The browser's print views (GB/T 9704, CSS @page A4) of 附件3 and of the conference brief, for offices that
// print without Word: reached from the report and the conference pages, the same words as the API gives, the
// toolbar gone in print, and Chromium's own PDF of the page on A4 with the type area where the standard puts it.
const run = promisify(execFile);
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const SECTION_TITLES = REPORT_SECTIONS.map((s) => s.title);
const MM = 72 / 25.4;
// The pair table's header as pdftotext gives it: its two-line cells (序/号, 座谈/会) interleave, so this run of
// single-line headers is what shows it is there.
const HEADER = '联系对象部门座谈';

let server: RunningServer;
let browser: Browser;
let dir = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'liaison-print-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await login(page, server.baseUrl, username);
  return { context, page };
}

/** What the API answers the signed-in page. */
async function getJson<T>(page: Page, url: string): Promise<T> {
  return (await page.evaluate(async (u) => (await fetch(u)).json(), url)) as T;
}

const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, '');

interface Pdf {
  pages: number;
  size: string;
  /** pdftotext -layout, per page */
  pages_: string[];
  /** pdftotext -raw (content order: a cell's lines together), per page */
  raw: string[];
  /** the words of page 1 with their positions (points) */
  words: { text: string; xMin: number; yMin: number; yMax: number }[];
}

/** The page as Chromium prints it (its own @page size and margins), read back with poppler. */
async function printToPdf(page: Page, name: string): Promise<Pdf> {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
  const [info, text, raw, bbox] = await Promise.all([
    run('pdfinfo', [file]),
    run('pdftotext', ['-layout', file, '-']),
    run('pdftotext', ['-raw', file, '-']),
    run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']),
  ]);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]),
    size: /Page size:\s+([\d.]+ x [\d.]+)/.exec(info.stdout)?.[1] ?? '',
    pages_: text.stdout.split('\f').slice(0, -1),
    raw: raw.stdout.split('\f').slice(0, -1),
    words: [
      ...bbox.stdout.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      yMax: Number(m[3]),
      text: m[4] ?? '',
    })),
  };
}

function expectA4(pdf: Pdf): void {
  const [w, h] = pdf.size.split(' x ').map(Number);
  expect(Math.abs((w ?? 0) - 210 * MM)).toBeLessThan(2);
  expect(Math.abs((h ?? 0) - 297 * MM)).toBeLessThan(2);
  // "— n —" at the foot of every page.
  for (const [i, text] of pdf.pages_.entries()) expect(squash(text), `page ${i + 1}`).toContain(`—${i + 1}—`);
}

describe('print view of 附件3', () => {
  it('opens from the report page, prints the form as the API has it, on A4 with the GB/T 9704 margins', async () => {
    const { context, page } = await signedIn('weijian');
    try {
      await page.goto(`${server.baseUrl}/reports`);
      await page.getByTestId('report-view').waitFor();
      const [, d] = /\/reports\/(\d+)\//.exec(new URL(page.url()).pathname) ?? [];
      await page.getByTestId('report-print').click();
      await page.waitForURL(new RegExp(`/reports/${d}/${YEAR}/print$`));
      const sheet = page.getByTestId('print-page');
      await sheet.waitFor();
      const report = await getJson<{ sections: { title: string; text: string }[] }>(
        page,
        `/api/v1/reports/${d}/${YEAR}`,
      );
      const text = squash(await sheet.textContent());
      expect(text.startsWith(`附件3${YEAR}年度对口联系工作情况报告表部门：区卫生健康局`)).toBe(true);
      expect(SECTION_TITLES.map((t) => text.includes(t))).toEqual(SECTION_TITLES.map(() => true));
      for (const s of report.sections) expect(text, s.title).toContain(squash(`${s.title}${s.text}`));
      expect(text.endsWith('注：各政府部门应在每年1月下旬将报告表及时报区委统战部')).toBe(true);
      // The section rows under 年度情况, one character a line.
      expect(await page.getByTestId('print-section').count()).toBe(7);

      await expect(page.getByTestId('print-button').isVisible()).resolves.toBe(true);
      const pdf = await printToPdf(page, 'annual-report');
      await expect(page.getByTestId('print-button').isVisible()).resolves.toBe(false);
      expectA4(pdf);
      // A year this full runs over a page; each section's row is printed whole, on one page.
      const rawPages = pdf.raw.map(squash);
      for (const s of report.sections)
        expect(
          rawPages.some((p) => p.includes(squash(s.text))),
          s.title,
        ).toBe(true);
      // 附件3 on the first line of the type area: 28mm from the left edge, its 28.95pt line starting 37mm from
      // the top (poppler's box is the font's, taller than the glyphs: its middle is the line's middle).
      const label = pdf.words.find((w) => w.text.startsWith('附件'));
      expect(Math.abs((label?.xMin ?? 0) - 28 * MM)).toBeLessThan(3);
      expect(Math.abs(((label?.yMin ?? 0) + (label?.yMax ?? 0)) / 2 - (37 * MM + 28.95 / 2))).toBeLessThan(5);

      // A year with little in it fits one page, as the paper form does.
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${server.baseUrl}/reports/${d}/2019/print`);
      await page.getByTestId('print-page').waitFor();
      const short = await printToPdf(page, 'annual-report-2019');
      expect(short.pages).toBe(1);
      expectA4(short);
    } finally {
      await context.close();
    }
  });
});

describe('print view of the conference brief', () => {
  it('opens from the conference page with the brief, its charts and its pair table, numbered pages', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${server.baseUrl}/conference?year=${YEAR}`);
      await page.getByTestId('conference-view').waitFor();
      await page.getByTestId('conference-print').click();
      await page.waitForURL(new RegExp(`/conference/${YEAR}/print$`));
      const sheet = page.getByTestId('print-page');
      await sheet.waitFor();
      const data = await getJson<{ pairs: { department: { name: string } }[]; others: unknown[] }>(
        page,
        `/api/v1/conference/${YEAR}`,
      );
      const text = squash(await sheet.textContent());
      expect(text.startsWith(`${YEAR}年度全区对口联系工作情况`)).toBe(true);
      for (const h of [
        '一、总体情况',
        '二、各对口联系情况',
        '三、重大事项协商及答复情况',
        '七、相互评价情况',
      ])
        expect(text).toContain(h);
      expect(text).toContain(`全区共有对口联系关系${data.pairs.length}对`);
      // Two charts, each an SVG picture with its caption.
      expect(await page.getByTestId('print-chart').count()).toBe(2);
      const pairTable = page.getByTestId('print-table').nth(1);
      // a row per pair, and one per department with suggestions from a counterpart not paired with it
      expect(await pairTable.locator('tbody tr').count()).toBe(data.pairs.length + data.others.length);
      await expect(pairTable.locator('thead th').first().textContent()).resolves.toBe('序号');

      const pdf = await printToPdf(page, 'conference-brief');
      expect(pdf.pages).toBeGreaterThan(1);
      expectA4(pdf);
      // The pair table's header printed again on each page it runs onto: between the page where the table starts
      // and the page of the heading after it, every page holding a pair's row holds the header too.
      const pages = pdf.pages_.map(squash);
      const first = pages.findIndex((p) => p.includes(HEADER));
      const next = pages.findIndex((p) => p.includes('三、重大事项协商及答复情况'));
      expect(first).toBeGreaterThanOrEqual(0);
      const names = data.pairs.map((x) => x.department.name);
      for (let n = first; n <= next; n++) {
        const body =
          n === next ? ((pages[n] ?? '').split('三、重大事项协商及答复情况')[0] ?? '') : (pages[n] ?? '');
        if (names.some((name) => body.includes(name))) expect(body, `page ${n + 1}`).toContain(HEADER);
      }
      expect(next).toBeGreaterThan(first);
    } finally {
      await context.close();
    }
  });
});
