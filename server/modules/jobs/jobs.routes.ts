import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateJobRequest, CreateJobResponse, JobDto, JobParams } from '../../../common/schemas/reports.js';
import { sendDocument } from '../../documents/send-document.js';
import { createJobRunner, failInterruptedJobs } from './jobs.runner.js';
import { createJob, getJob, jobDocument, listJobs } from './jobs.service.js';

export async function jobRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];
  const config = { permission: 'jobs:use' as const };
  const runner = createJobRunner(app.db, app.log);

  // Jobs a dead process left queued or running will never finish: say so at start-up.
  app.addHook('onReady', async () => {
    const failed = await failInterruptedJobs(app.db);
    if (failed) app.log.warn({ failed }, 'jobs interrupted by a restart marked failed');
  });
  // graceful shutdown: requests in flight finish (fastify), jobs get LIAISON_SHUTDOWN_DRAIN_SECONDS
  app.addHook('onClose', async () => runner.close(app.config.LIAISON_SHUTDOWN_DRAIN_SECONDS * 1000));

  r.post(
    '/jobs',
    {
      config,
      schema: {
        summary: '新建后台任务 · Start a background job that builds a long document',
        tags,
        body: CreateJobRequest,
        response: { 200: CreateJobResponse },
      },
    },
    async (request) => createJob(request.ctx(), runner, request.body),
  );
  r.get(
    '/jobs',
    {
      config,
      schema: {
        summary: "后台任务 · One's background jobs (long documents)",
        tags,
        response: { 200: z.object({ items: z.array(JobDto) }) },
      },
    },
    async (request) => listJobs(request.ctx()),
  );
  r.get(
    '/jobs/:id',
    {
      config,
      schema: {
        summary: "任务进度 · A job's state and progress",
        tags,
        params: JobParams,
        response: { 200: JobDto },
      },
    },
    async (request) => getJob(request.ctx(), request.params.id),
  );
  r.get(
    '/jobs/:id/result',
    { config, schema: { summary: "任务结果 · Download a finished job's document", tags, params: JobParams } },
    async (request, reply) => sendDocument(reply, await jobDocument(request.ctx(), request.params.id)),
  );
}
