import type { JobType } from '../../../common/schemas/reports.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { Job } from '../../db/schema.js';

const STATE_COLUMNS = [
  'id',
  'type',
  'params_json',
  'status',
  'progress',
  'message',
  'created_by',
  'result_name',
  'result_type',
  'error',
  'created_at',
  'started_at',
  'finished_at',
  'heartbeat_at',
] as const;

export type JobState = Omit<Job, 'result'>;

export async function insertJob(
  db: Executor,
  values: { id: string; type: JobType; params: unknown; createdBy: number },
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('jobs')
    .values({
      id: values.id,
      type: values.type,
      params_json: JSON.stringify(values.params),
      status: 'queued',
      progress: 0,
      message: null,
      created_by: values.createdBy,
      result: null,
      result_name: null,
      result_type: null,
      error: null,
      created_at: now,
      started_at: null,
      finished_at: null,
      heartbeat_at: now,
    })
    .execute();
}

/** A job's state (without its bytes) — only its creator's: anyone else gets nothing. */
export async function findJob(db: Executor, id: string, userId: number): Promise<JobState | undefined> {
  return db
    .selectFrom('jobs')
    .select(STATE_COLUMNS)
    .where('id', '=', id)
    .where('created_by', '=', userId)
    .executeTakeFirst();
}

export async function jobsOf(db: Executor, userId: number, limit: number): Promise<JobState[]> {
  return db
    .selectFrom('jobs')
    .select(STATE_COLUMNS)
    .where('created_by', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function jobResult(db: Executor, id: string, userId: number) {
  return db
    .selectFrom('jobs')
    .select(['status', 'result', 'result_name', 'result_type'])
    .where('id', '=', id)
    .where('created_by', '=', userId)
    .executeTakeFirst();
}

export async function updateJob(
  db: Executor,
  id: string,
  values: Partial<
    Pick<
      Job,
      | 'status'
      | 'progress'
      | 'message'
      | 'result'
      | 'result_name'
      | 'result_type'
      | 'error'
      | 'started_at'
      | 'finished_at'
    >
  >,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...values, heartbeat_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/**
 * Jobs queued or running whose heartbeat is older than `before`: their process died (a living runner touches its
 * job at every step). Marked failed; returns how many.
 */
export async function failStaleJobs(db: Executor, before: string, error: string): Promise<number> {
  const now = nowIso();
  const result = await db
    .updateTable('jobs')
    .set({ status: 'failed', error, finished_at: now, heartbeat_at: now })
    .where('status', 'in', ['queued', 'running'])
    .where('heartbeat_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Finished jobs (done or failed) older than `before`: their results are deleted; returns how many. */
export async function purgeFinishedJobs(db: Executor, before: string): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
