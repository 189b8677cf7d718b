import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { connect } from '../server/db/connect.js';
import { benchUsers, contextOf } from './lib/common.js';
import { myWork, digestFor } from '../server/modules/digest/digest.service.js';
import { search } from '../server/modules/search/search.service.js';
import { dashboard } from '../server/modules/dashboard/dashboard.service.js';
import { listLedger } from '../server/modules/ledger/ledger.service.js';
const url = process.argv[2] ?? 'sqlite:./bench/data/province.db';
const h = connect(url);
const u = await benchUsers(h.db);
const which = process.argv[3] ?? 'digest';
const qs: CompiledQuery[] = [];
const plugin: KyselyPlugin = { transformQuery: (a) => { qs.push(h.db.getExecutor().compileQuery(a.node, a.queryId)); return a.node; }, transformResult: async (a) => a.result };
const d = h.db.withPlugin(plugin);
const dept = await contextOf(h.db, u.department);
const tzb = await contextOf(h.db, u.tzb);
const top = await contextOf(h.db, u.top);
const fns: Record<string, () => Promise<unknown>> = {
  digest: () => myWork({ ...dept, db: d }),
  search: () => search({ ...tzb, db: d }, { q: '乡村振兴', limit: 20 }),
  dash: () => dashboard({ ...tzb, db: d }, { year: 2026 }),
  dashtop: () => dashboard({ ...top, db: d }, { year: 2026 }),
  list: () => listLedger({ ...tzb, db: d }, { year: 2026, departmentId: u.departmentId, counterpartId: u.counterpartId, limit: 500, offset: 0 }),
};
let t = performance.now(); await fns[which]!(); console.log('total', (performance.now() - t).toFixed(1));
for (const q of qs) {
  if (!/^\s*select/i.test(q.sql)) continue;
  t = performance.now();
  await h.db.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
  const ms = performance.now() - t;
  if (ms > 2) console.log(ms.toFixed(1), q.sql.slice(0, 300), JSON.stringify(q.parameters).slice(0, 100));
}
await h.close();
