import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RequestContext } from '../../context.js';
import { ANNUAL_REPORT_SECTIONS } from '../../documents/annual-report.docx.js';
import { CONFERENCE_SHEETS } from '../../documents/conference-pack.xlsx.js';
import { buildTestApp, type Client, describeEachDialect, type TestApp } from '../../test/helper.js';
import { type LedgerCast, ledgerCast } from '../ledger/ledger.fixtures.js';
import { knownYear, YEAR } from '../reports/reports.fixtures.js';
import { findJob, insertJob } from './jobs.repository.js';
import { createJobRunner, failInterruptedJobs, INTERRUPTED, type Report } from './jobs.runner.js';
import { jobDocument } from './jobs.service.js';

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start a job and poll it until it ends; returns the final state and every progress value seen. */
async function runJob(client: Client, body: Record<string, unknown>) {
  const created = await client.post('/api/v1/jobs', body);
  expect(created.statusCode, created.body).toBe(200);
  const { id } = created.json();
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const state = (await client.get(`/api/v1/jobs/${id}`)).json();
    seen.push(state.progress);
    if (state.status === 'done' || state.status === 'failed') return { id, state, seen };
    await sleep(20);
  }
  throw new Error(`job ${id} did not finish`);
}

async function docxText(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

describeEachDialect('jobs', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let tzbUserId: number;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    await knownYear(c);
    const row = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', c.tzb.username)
      .executeTakeFirstOrThrow();
    tzbUserId = row.id;
  });
  afterAll(async () => t.close());

  it('records progress step by step and yields between steps; the result is there only when done', async () => {
    const runner = createJobRunner(t.db, t.app.log);
    const id = '00000000-0000-4000-8000-000000000001';
    await insertJob(t.db, { id, type: 'conference-pack-docx', params: { year: YEAR }, createdBy: tzbUserId });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    runner.enqueue(
      id,
      {} as RequestContext,
      async (_ctx, _params, report: Report) => {
        await report(30, '第一步');
        await report(60, '第二步');
        await gate;
        return { filename: 'x.docx', contentType: 'application/octet-stream', body: Buffer.from('PK') };
      },
      {},
    );
    let state = await findJob(t.db, id, tzbUserId);
    for (let i = 0; i < 200 && state?.progress !== 60; i++) {
      await sleep(5);
      state = await findJob(t.db, id, tzbUserId);
    }
    expect(state).toMatchObject({ status: 'running', progress: 60, message: '第二步' });
    expect(ticks).toBeGreaterThan(0); // timers ran while the job was in progress
    const ctx = { db: t.db, actor: { userId: tzbUserId } } as RequestContext;
    await expect(jobDocument(ctx, id)).rejects.toThrow('JOB_NOT_FINISHED');
    release();
    await runner.idle();
    clearInterval(timer);
    expect(await findJob(t.db, id, tzbUserId)).toMatchObject({ status: 'done', progress: 100 });
    expect((await jobDocument(ctx, id)).body.toString()).toBe('PK');
    // someone else's job is not found
    await expect(
      jobDocument({ ...ctx, actor: { userId: tzbUserId + 1000 } } as RequestContext, id),
    ).rejects.toThrow('NOT_FOUND');
  });

  it('marks failed at start-up the jobs a dead process left running; live ones stay', async () => {
    const stale = '00000000-0000-4000-8000-000000000002';
    const live = '00000000-0000-4000-8000-000000000003';
    for (const id of [stale, live]) {
      await insertJob(t.db, {
        id,
        type: 'conference-pack-xlsx',
        params: { year: YEAR },
        createdBy: tzbUserId,
      });
    }
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', heartbeat_at: new Date(Date.now() - 3600_000).toISOString() })
      .where('id', '=', stale)
      .execute();
    await t.db.updateTable('jobs').set({ status: 'running' }).where('id', '=', live).execute();
    expect(await failInterruptedJobs(t.db)).toBe(1);
    expect(await findJob(t.db, stale, tzbUserId)).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect(await findJob(t.db, live, tzbUserId)).toMatchObject({ status: 'running' });
    await t.db.deleteFrom('jobs').where('id', 'in', [stale, live]).execute();
  });

  it('builds the conference pack (.docx) as a job; its creator downloads it, nobody else sees it', async () => {
    const { id, state, seen } = await runJob(c.tzb, { type: 'conference-pack-docx', year: YEAR });
    expect(state).toMatchObject({
      status: 'done',
      progress: 100,
      type: 'conference-pack-docx',
      resultUrl: `/api/v1/jobs/${id}/result`,
      error: null,
    });
    expect(seen.every((p, i) => i === 0 || p >= (seen[i - 1] ?? 0))).toBe(true);
    const text = await docxText(await c.tzb.get(state.resultUrl));
    expect(text).toContain(`${YEAR}年度全区对口联系工作情况`);
    for (const s of ANNUAL_REPORT_SECTIONS) expect(text).toContain(s.title);
    expect(text).toContain('全年召开对口联系工作座谈会2次');
    expect(text).toContain('通报信息、抄送文件资料2件');
    expect(text).toContain('共同开展社会服务活动2次');
    expect(text).toContain('已完成2项，逾期未完成1项');
    expect(text).toContain('区公安分局');
    // the charts: an SVG with a PNG fallback
    const zip = await JSZip.loadAsync((await c.tzb.get(state.resultUrl)).rawPayload);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    const png = media.find((f) => f.endsWith('.png'));
    expect(png).toBeDefined();
    const bytes = await zip.file(png as string)?.async('nodebuffer');
    expect(bytes?.subarray(1, 4).toString()).toBe('PNG');

    for (const path of [`/api/v1/jobs/${id}`, `/api/v1/jobs/${id}/result`]) {
      expect((await c.qfb.get(path)).json()).toEqual(NOT_FOUND);
    }
    expect((await c.dept.get(`/api/v1/jobs/${id}`)).json()).toEqual(FORBIDDEN);
    expect((await c.dept.post('/api/v1/jobs', { type: 'annual-reports-docx', year: YEAR })).json()).toEqual(
      FORBIDDEN,
    );
    expect((await c.tzb.get('/api/v1/jobs')).json().items.map((j: { id: string }) => j.id)).toContain(id);
    expect((await c.qfb.get('/api/v1/jobs')).json().items).toEqual([]);
  });

  it('builds the pack as .xlsx (a sheet per section) and every annual report in one .docx', async () => {
    const xlsx = await runJob(c.qfb, { type: 'conference-pack-xlsx', year: YEAR });
    expect(xlsx.state.status).toBe('done');
    const res = await c.qfb.get(xlsx.state.resultUrl);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([...CONFERENCE_SHEETS]);
    const pairs = wb.getWorksheet('各对口联系情况');
    const row = pairs?.getRows(2, 26)?.find((r) => r.getCell(2).value === '区教育局');
    expect([3, 6, 7, 8, 9, 10].map((i) => row?.getCell(i).value)).toEqual([2, 2, 1, 2, 2, 2]);

    const all = await runJob(c.tzb, { type: 'annual-reports-docx', year: YEAR });
    expect(all.state.status).toBe('done');
    const text = await docxText(await c.tzb.get(all.state.resultUrl));
    expect(text.split('年度对口联系工作情况报告表').length - 1).toBe(26);
    expect(text).toContain('全年召开对口联系工作座谈会2次');
  });
});
