// A writer for the durability tests (server/db/durability.test.ts), run as a child process: it creates
// organisations through the organisations service (a transaction with its audit entry each), and prints
// `ack <id> <name>` only after each one has committed. The parent kills it at random moments.
//
// usage: node crash-writer.mjs DATABASE_URL USER_ID REGION_ID TAG
import type { RequestContext } from '../context.js';
import { connect } from '../db/connect.js';
import { loadActor } from '../modules/auth/index.js';
import { createOrganisation } from '../modules/organisations/index.js';

const [url, userId, regionId, tag] = process.argv.slice(2);
if (!url || !userId || !regionId || !tag)
  throw new Error('usage: crash-writer DATABASE_URL USER_ID REGION_ID TAG');
const handle = connect(url, { poolSize: 2 });
const loaded = await loadActor(handle.db, Number(userId));
if (!loaded) throw new Error(`no user ${userId}`);
const { disabled: _d, totpEnabled: _t, ...actor } = loaded;
const ctx: RequestContext = { db: handle.db, actor, ip: '127.0.0.1', lang: 'zh-CN' };
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const name = `崩溃测试-${tag}-${n}`;
  const org = await createOrganisation(ctx, {
    regionId: Number(regionId),
    kind: 'department',
    name,
    shortName: null,
    sortOrder: n,
  });
  // stdout to a pipe is synchronous on Linux: the line is out before the next write begins
  process.stdout.write(`ack ${org.id} ${name}\n`);
}
