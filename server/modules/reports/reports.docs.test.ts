// Slow suite (`npx vitest run --project docs`): print a department's 附件3 and the district conference pack to
// PDF with LibreOffice and read the PDFs back with poppler: what comes out of a printer holds the seven section
// titles and the year's counts. A first-page PNG of each lands in PREVIEW_DIR for a person to look at.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_SECTIONS } from '../../documents/annual-report.docx.js';
import { buildTestApp, type TestApp } from '../../test/helper.js';
import { jobDocument } from '../../test/jobs.js';
import { type LedgerCast, ledgerCast } from '../ledger/ledger.fixtures.js';
import { knownYear, YEAR } from './reports.fixtures.js';

const run = promisify(execFile);
const PREVIEW_DIR = join(tmpdir(), 'liaison-docs-preview');
const SOFFICE = process.env.SOFFICE ?? 'soffice';

// The fonts of government PCs mapped to the Noto CJK faces of this machine (as documents.docs.test.ts).
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>仿宋_GB2312</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>黑体</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Sans CJK SC</string></edit></match>
</fontconfig>`;

/** pdftotext puts spaces between CJK and digits and breaks lines where the page does. */
const squash = (s: string): string => s.replace(/\s+/g, '');

let workDir = '';

async function printed(docx: Buffer, name: string): Promise<{ text: string; pages: number }> {
  const file = join(workDir, `${name}.docx`);
  const pdf = join(workDir, `${name}.pdf`);
  await writeFile(file, docx);
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        workDir,
        file,
      ],
      { timeout: 90_000, env: { ...process.env, FONTCONFIG_FILE: join(workDir, 'fonts.conf') } },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  expect((await stat(pdf)).size, `${name}.pdf`).toBeGreaterThan(0);
  await run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(PREVIEW_DIR, name),
  ]);
  const [info, text] = await Promise.all([run('pdfinfo', [pdf]), run('pdftotext', ['-raw', pdf, '-'])]);
  return { text: squash(text.stdout), pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0) };
}

describe('annual report and conference pack, printed', () => {
  let t: TestApp;
  let c: LedgerCast;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'liaison-reports-'));
    await writeFile(join(workDir, 'fonts.conf'), FONTS_CONF);
    await mkdir(PREVIEW_DIR, { recursive: true });
    t = await buildTestApp('sqlite');
    c = await ledgerCast(t);
    await knownYear(c);
  });
  afterAll(async () => {
    await t?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('prints 区教育局’s 附件3 with its seven sections and the counts of its year', async () => {
    const res = await c.dept.get(
      `/api/v1/documents/annual-report.docx?departmentId=${c.ids.jiaoyu}&year=${YEAR}`,
    );
    expect(res.statusCode).toBe(200);
    const pdf = await printed(res.rawPayload, 'annual-report-jiaoyu');
    expect(pdf.text).toContain(squash(`${YEAR}年度对口联系工作情况报告表`));
    expect(pdf.text).toContain('区教育局');
    expect(pdf.text).toContain('民盟奉化支部');
    for (const s of ANNUAL_REPORT_SECTIONS) expect(pdf.text).toContain(squash(s.title));
    for (const phrase of [
      '全年召开对口联系工作座谈会2次',
      '联系对象出席1次',
      '已签收2家次、已阅读1家次',
      '开展联合调研1项',
      '服务群众150人次，引进资金3.5万元',
      '共列工作事项3项，已完成2项，逾期未完成1项',
      '本年度未就重大事项开展专题协商',
    ]) {
      expect(pdf.text).toContain(phrase);
    }
  });

  it('prints the conference pack: the seven section titles, the counts, every pair, and the charts', async () => {
    const pdf = await printed(await jobDocument(c.tzb, 'conference-pack-docx', YEAR), 'conference-pack');
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.text).toContain(squash(`${YEAR}年度全区对口联系工作情况`));
    for (const s of ANNUAL_REPORT_SECTIONS) expect(pdf.text).toContain(squash(s.title));
    for (const phrase of [
      '全区共有对口联系关系26对',
      '全年召开对口联系工作座谈会2次',
      '通报信息、抄送文件资料2件',
      '共同开展社会服务活动2次',
      '已完成2项，逾期未完成1项',
      '区公安分局',
      '区教育局',
    ]) {
      expect(pdf.text).toContain(phrase);
    }
  });
});
