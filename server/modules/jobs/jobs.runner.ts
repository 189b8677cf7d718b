// A small in-process job runner: jobs run one after another, each a loop that records its progress and yields to
// the event loop (setImmediate) between steps, so building a long document never stalls the requests around it.
// The `jobs` row is the state (queued → running → done | failed); a job whose process died is failed at the next
// start (its heartbeat stops).
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { RenderedDocument } from '../../documents/send-document.js';
import { AppError } from '../../errors.js';
import { failStaleJobs, updateJob } from './jobs.repository.js';

/** Record progress (0–100) and a message, then yield to the event loop; throws once the runner is closing. */
export type Report = (progress: number, message: string) => Promise<void>;

export type JobHandler = (
  ctx: RequestContext,
  params: Record<string, unknown>,
  report: Report,
) => Promise<RenderedDocument>;

/** A job's heartbeat older than this at start-up means its process is gone. */
export const STALE_AFTER_MS = 2 * 60_000;

export const INTERRUPTED = '服务重启，任务中断，请重新生成 / interrupted by a restart; start it again';

export interface JobRunner {
  /** Run a job (already inserted as queued) as this actor, after the jobs before it. */
  enqueue(id: string, ctx: RequestContext, handler: JobHandler, params: Record<string, unknown>): void;
  /** Wait until no job is left (tests; shutdown). */
  idle(): Promise<void>;
  /**
   * Stop: jobs get up to `drainMs` to finish (graceful shutdown); then the running job fails at its next step
   * and queued ones fail, so their creators are told to start them again.
   */
  close(drainMs?: number): Promise<void>;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createJobRunner(db: Kysely<Database>, log: FastifyBaseLogger): JobRunner {
  let chain: Promise<void> = Promise.resolve();
  let closing = false;

  async function run(id: string, ctx: RequestContext, handler: JobHandler, params: Record<string, unknown>) {
    if (closing) {
      await updateJob(db, id, { status: 'failed', error: INTERRUPTED, finished_at: nowIso() });
      return;
    }
    try {
      await updateJob(db, id, { status: 'running', started_at: nowIso(), message: '开始 / started' });
      let last = 0;
      const report: Report = async (progress, message) => {
        if (closing) throw new Error(INTERRUPTED);
        last = Math.max(last, Math.min(99, Math.max(0, Math.round(progress))));
        await updateJob(db, id, { progress: last, message });
        await yieldToEventLoop();
      };
      await yieldToEventLoop();
      const doc = await handler(ctx, params, report);
      await updateJob(db, id, {
        status: 'done',
        progress: 100,
        message: '完成 / done',
        result: doc.body,
        result_name: doc.filename,
        result_type: doc.contentType,
        finished_at: nowIso(),
      });
    } catch (error) {
      // What the creator may read: a domain error's code, else a generic failure (details go to the log).
      const message =
        error instanceof AppError
          ? error.message
          : error instanceof Error && error.message === INTERRUPTED
            ? INTERRUPTED
            : 'INTERNAL';
      if (!(error instanceof AppError)) log.error({ err: error, job: id }, 'job failed');
      await updateJob(db, id, { status: 'failed', error: message, finished_at: nowIso() }).catch((e) =>
        log.error({ err: e, job: id }, 'could not record the failure of a job'),
      );
    }
  }

  return {
    enqueue(id, ctx, handler, params) {
      chain = chain.then(() => run(id, ctx, handler, params));
    },
    idle: () => chain,
    async close(drainMs = 0) {
      if (drainMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([chain, new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]);
        clearTimeout(timer);
      }
      closing = true;
      await chain;
    },
  };
}

/** At start-up: jobs left queued or running by a process that is gone are marked failed. */
export async function failInterruptedJobs(db: Kysely<Database>, now = Date.now()): Promise<number> {
  return failStaleJobs(db, new Date(now - STALE_AFTER_MS).toISOString(), INTERRUPTED);
}
