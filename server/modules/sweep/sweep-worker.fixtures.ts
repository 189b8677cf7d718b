// One app instance's sweep in a process of its own (sweep.worker.ts, its own connection), as two servers would
// run it: for the tests that start two at the same instant and check nothing is sent twice.
import { spawn } from 'node:child_process';

export interface WorkerRun {
  code: number | null;
  out: string;
  err: string;
}

/** Run sweep.worker.ts with exactly this environment added (LIAISON_TEST_START_AT: when both begin). */
export function runSweepWorker(env: Record<string, string | undefined>): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/modules/sweep/sweep.worker.ts'], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
