import { randomUUID } from 'node:crypto';
import type { CreateJobRequest, JobDto, JobType } from '../../../common/schemas/reports.js';
import type { RequestContext } from '../../context.js';
import type { RenderedDocument } from '../../documents/send-document.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { conferencePack } from '../conference/index.js';
import { annualReportDocx } from '../reports/index.js';
import { findJob, insertJob, type JobState, jobResult, jobsOf } from './jobs.repository.js';
import type { JobHandler, JobRunner } from './jobs.runner.js';

const year = (params: Record<string, unknown>): number => Number(params.year);

/** What each job type builds. Gathering takes 0–90%, rendering the rest. */
const HANDLERS: Record<JobType, JobHandler> = {
  'conference-pack-docx': (ctx, params, report) =>
    conferencePack(ctx, year(params), 'docx', (done, total, message) => report((done / total) * 90, message)),
  'conference-pack-xlsx': (ctx, params, report) =>
    conferencePack(ctx, year(params), 'xlsx', (done, total, message) => report((done / total) * 90, message)),
  'annual-reports-docx': (ctx, params, report) =>
    annualReportDocx(ctx, { year: year(params), all: '1' }, (done, total, message) =>
      report((done / total) * 90, message),
    ),
};

export function presentJob(row: JobState): JobDto {
  return {
    id: row.id,
    type: row.type as JobType,
    status: row.status,
    progress: row.progress,
    message: row.message,
    resultUrl: row.status === 'done' ? `/api/v1/jobs/${row.id}/result` : null,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Queue a build as the actor; it runs in this process right after the jobs before it. */
export async function createJob(
  ctx: RequestContext,
  runner: JobRunner,
  input: CreateJobRequest,
): Promise<{ id: string }> {
  const id = randomUUID();
  const params = { year: input.year };
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, { id, type: input.type, params, createdBy: ctx.actor.userId });
    await appendAudit(trx, ctx, { action: 'job.create', entityType: 'job', entityId: id, after: input });
  });
  runner.enqueue(id, ctx, HANDLERS[input.type], params);
  return { id };
}

/** One's own job; anyone else's answers NOT_FOUND, like a job that does not exist. */
export async function getJob(ctx: RequestContext, id: string): Promise<JobDto> {
  const row = await findJob(ctx.db, id, ctx.actor.userId);
  if (!row) throw notFound();
  return presentJob(row);
}

export async function listJobs(ctx: RequestContext): Promise<{ items: JobDto[] }> {
  return { items: (await jobsOf(ctx.db, ctx.actor.userId, 50)).map(presentJob) };
}

export async function jobDocument(ctx: RequestContext, id: string): Promise<RenderedDocument> {
  const row = await jobResult(ctx.db, id, ctx.actor.userId);
  if (!row) throw notFound();
  if (row.status !== 'done' || !row.result) throw new AppError('JOB_NOT_FINISHED');
  return {
    filename: row.result_name ?? `${id}.bin`,
    contentType: row.result_type ?? 'application/octet-stream',
    body: Buffer.from(row.result),
  };
}
