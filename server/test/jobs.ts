// Test helper: a document built by a job, as a user gets it — start the job, wait for it, download the result.
import { expect } from 'vitest';
import type { JobType } from '../../common/schemas/reports.js';
import type { Client } from './helper.js';

export async function jobDocument(client: Client, type: JobType, year: number): Promise<Buffer> {
  const created = await client.post('/api/v1/jobs', { type, year });
  expect(created.statusCode).toBe(200);
  let state = { status: 'queued', resultUrl: '' };
  for (let i = 0; i < 500 && state.status !== 'done' && state.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    state = (await client.get(`/api/v1/jobs/${created.json().id}`)).json();
  }
  expect(state.status).toBe('done');
  return (await client.get(state.resultUrl)).rawPayload;
}
