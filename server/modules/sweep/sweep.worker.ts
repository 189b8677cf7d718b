// One "app instance" for the concurrency test (sweep.test.ts): connects to DATABASE_URL, waits for the
// common start instant (LIAISON_TEST_START_AT, ms), runs the sweep and sends the due e-mail through
// LIAISON_SMTP_URL, and prints the result as JSON.
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { defaultInstanceId } from '../mail/index.js';
import { sweepAndSend } from './sweep.timer.js';

const config = loadConfig();
const handle = connect(config.DATABASE_URL, { poolSize: 4 });
try {
  await handle.db.selectFrom('regions').select('id').limit(1).execute(); // connected before the start
  const startAt = Number(process.env.LIAISON_TEST_START_AT ?? Date.now());
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const result = await sweepAndSend(handle.db, config, { instanceId: defaultInstanceId() });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await handle.close();
}
