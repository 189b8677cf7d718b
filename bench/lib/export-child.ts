// A child process that exports ROWS ledger rows as a streamed .xlsx (the path GET /ledger/export.xlsx takes
// above STREAM_XLSX_ABOVE records) to a file, and reports its time and peak RSS (process.resourceUsage).
import { createWriteStream, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { connect } from '../../server/db/connect.js';
import { writeLedgerXlsx } from '../../server/modules/ledger/ledger.export.js';
import { ledgerScope } from '../../server/modules/ledger/ledger.policy.js';
import { findRecordIds } from '../../server/modules/ledger/ledger.repository.js';
import { benchUsers, contextOf } from './common.js';

const [url, rowsArg, file] = process.argv.slice(2) as [string, string, string];

async function main() {
  const handle = connect(url);
  const users = await benchUsers(handle.db);
  const ctx = await contextOf(handle.db, users.top);
  const started = performance.now();
  // the newest years of the top region's ledger, a year at a time as the route reads them, up to ROWS records
  // (one year of a province is ~42,000)
  let ids: number[] = [];
  for (const year of [...users.years].reverse()) {
    if (ids.length >= Number(rowsArg)) break;
    ids = [...(await findRecordIds(handle.db, { scope: ledgerScope(ctx.actor), year })), ...ids];
  }
  ids = ids.slice(-Number(rowsArg));
  const out = createWriteStream(file);
  await writeLedgerXlsx(ctx, '对口联系工作台账', ids, out);
  await finished(out);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ rows: ids.length, seconds, maxRss: process.resourceUsage().maxRSS * 1024, bytes: statSync(file).size })}\n`,
  );
  await handle.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
