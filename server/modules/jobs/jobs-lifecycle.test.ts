// What a deployment needs of document jobs: results do not pile up (purged after LIAISON_JOB_RETENTION_HOURS by
// the sweep), and a shutdown lets a running job finish within the drain time instead of cutting it off.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RequestContext } from '../../context.js';
import type { Job } from '../../db/schema.js';
import { buildTestApp, describeEachDialect, loginAs, type TestApp } from '../../test/helper.js';
import { sweepAndSend } from '../sweep/index.js';
import { findJob, insertJob } from './jobs.repository.js';
import { createJobRunner, INTERRUPTED, type Report } from './jobs.runner.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DONE = { filename: 'x.docx', contentType: 'application/octet-stream', body: Buffer.from('PK') };

describeEachDialect('document jobs over time', (dialect) => {
  let t: TestApp;
  let userId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const tzb = await loginAs(t, 'tzb', '区委统战部');
    userId = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', tzb.username)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  const job = async (id: string, status: Job['status'], finishedHoursAgo: number | null) => {
    await insertJob(t.db, { id, type: 'conference-pack-docx', params: { year: 2019 }, createdBy: userId });
    await t.db
      .updateTable('jobs')
      .set({
        status,
        finished_at:
          finishedHoursAgo === null ? null : new Date(Date.now() - finishedHoursAgo * 3600_000).toISOString(),
      })
      .where('id', '=', id)
      .execute();
  };

  it('the sweep deletes finished jobs older than the retention; recent and unfinished ones stay', async () => {
    const ids = {
      oldDone: '00000000-0000-4000-8000-00000000a001',
      oldFailed: '00000000-0000-4000-8000-00000000a002',
      recentDone: '00000000-0000-4000-8000-00000000a003',
      running: '00000000-0000-4000-8000-00000000a004',
    };
    await job(ids.oldDone, 'done', 25);
    await job(ids.oldFailed, 'failed', 48);
    await job(ids.recentDone, 'done', 2);
    await job(ids.running, 'running', null);
    const config = {
      LIAISON_SMTP_URL: undefined,
      LIAISON_MAIL_FROM: 'x <x@localhost>',
      LIAISON_PUBLIC_URL: 'http://localhost:3000',
      LIAISON_JOB_RETENTION_HOURS: 24,
    };
    const result = await sweepAndSend(t.db, config as never, { instanceId: 'test' });
    expect(result.jobsPurged).toBe(2);
    expect(await findJob(t.db, ids.oldDone, userId)).toBeUndefined();
    expect(await findJob(t.db, ids.oldFailed, userId)).toBeUndefined();
    expect(await findJob(t.db, ids.recentDone, userId)).toMatchObject({ status: 'done' });
    expect(await findJob(t.db, ids.running, userId)).toMatchObject({ status: 'running' });
  });

  it('on shutdown a running job finishes within the drain time; without one it is interrupted', async () => {
    const slowJob = (ms: number) => async (_ctx: RequestContext, _p: unknown, report: Report) => {
      for (let i = 0; i < ms / 20; i++) {
        await report(i, `第${i}步`);
        await sleep(20);
      }
      return DONE;
    };
    const drained = '00000000-0000-4000-8000-00000000b001';
    await insertJob(t.db, { id: drained, type: 'conference-pack-docx', params: {}, createdBy: userId });
    const runner = createJobRunner(t.db, t.app.log);
    runner.enqueue(drained, {} as RequestContext, slowJob(300), {});
    await sleep(50);
    await runner.close(10_000);
    expect(await findJob(t.db, drained, userId)).toMatchObject({ status: 'done', progress: 100 });

    const cut = '00000000-0000-4000-8000-00000000b002';
    await insertJob(t.db, { id: cut, type: 'conference-pack-docx', params: {}, createdBy: userId });
    const second = createJobRunner(t.db, t.app.log);
    second.enqueue(cut, {} as RequestContext, slowJob(5_000), {});
    await sleep(50);
    await second.close(100);
    expect(await findJob(t.db, cut, userId)).toMatchObject({ status: 'failed', error: INTERRUPTED });
  });
});
