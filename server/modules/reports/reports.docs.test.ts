import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_SECTIONS } from '../../documents/annual-report.docx.js';
import { buildTestApp, type TestApp } from '../../test/helper.js';
import { jobDocument } from '../../test/jobs.js';
import { officePrinter, run, squash } from '../../test/printer.js';
import { type LedgerCast, ledgerCast } from '../ledger/ledger.fixtures.js';
import { knownYear, YEAR } from './reports.fixtures.js';

const printer = officePrinter();

async function printed(docx: Buffer, name: string): Promise<{ text: string; pages: number }> {
  const pdf = await printer.print(docx, name);
  const [info, text] = await Promise.all([run('pdfinfo', [pdf]), run('pdftotext', ['-raw', pdf, '-'])]);
  return { text: squash(text.stdout), pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0) };
}

describe('annual report and conference pack, printed', () => {
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
