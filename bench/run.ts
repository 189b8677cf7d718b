// npm run bench [-- --quick] [-- --only sqlite|postgres] [-- --duration 10]
// npm run bench -- --web   only the web bundle and the browser's LCP per page (after npm run build)
// LIAISON_CRYPTO=gm LIAISON_DATA_KEY=… LIAISON_AUDIT_KEY=… npm run bench …  measures the 商用密码 mode (results *-gm)
//
// Measures, on SQLite (bench/data/province.db, generated once if absent) and — when DATABASE_URL points at
// PostgreSQL — on PostgreSQL: HTTP throughput and latency of the hot endpoints beside their floor (the same
// body from a bare fastify() in the same process), the dashboard and digest as service calls, a district's
// reports and conference pack, a 100,000-row streamed .xlsx export (time, peak RSS), the ledger .docx and .xlsx
// of a province year over HTTP beside a /health probe (event-loop delay, worst probe answer, peak RSS), cold start and RSS,
// the web bundle and each main page's LCP in Chromium; query plans of the hot paths go to bench/plans/. Prints a table with targets, writes
// bench/results/<date>-<engine>.json (and the table as .md).
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type Result as CannonResult } from 'autocannon';
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { loadConfig } from '../server/config.js';
import type { RequestContext } from '../server/context.js';
import { configureCrypto } from '../server/crypto/configure.js';
import { connect, type Dialect } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import type { Database } from '../server/db/schema.js';
import { conferencePack } from '../server/modules/conference/conference.export.js';
import { dashboard } from '../server/modules/dashboard/dashboard.service.js';
import { digestFor, myWork } from '../server/modules/digest/digest.service.js';
import { listLedger } from '../server/modules/ledger/index.js';
import { annualReportDocx } from '../server/modules/reports/reports.export.js';
import { search } from '../server/modules/search/search.service.js';
import { BENCH_PASSWORD, CURRENT_YEAR, defaultUrl, generate, generatedScale, wipe } from './generate.js';
import { bundle } from './lib/bundle.js';
import { benchUsers, contextOf } from './lib/common.js';
import { pageLcp, type Row, webBundle } from './lib/web.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
    'plans-only': { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
  },
});
const QUICK = args.quick ?? false;
const DURATION = Number(args.duration);
const CONNECTIONS = 50;
/** the app's crypto mode (LIAISON_CRYPTO, with LIAISON_DATA_KEY and LIAISON_AUDIT_KEY in the environment) */
const CRYPTO = process.env.LIAISON_CRYPTO === 'gm' ? 'gm' : 'intl';
const MB = 1024 * 1024;
const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const ok = (r: Row) =>
  !r.target || r.value === null
    ? null
    : r.target.op === '<='
      ? r.value <= r.target.value
      : r.value >= r.target.value;

// ---- a query logger: the SQL Kysely generates for a service call, to EXPLAIN
class Capture implements KyselyPlugin {
  queries: CompiledQuery[] = [];
  constructor(private db: Kysely<Database>) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(this.db.getExecutor().compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

async function plans(
  db: Kysely<Database>,
  dialect: Dialect,
  name: string,
  call: (ctx: RequestContext['db']) => Promise<unknown>,
) {
  const capture = new Capture(db);
  await call(db.withPlugin(capture));
  const seen = new Set<string>();
  const out: string[] = [`-- ${name} (${dialect}), ${new Date().toISOString()}`, ''];
  for (const q of capture.queries) {
    if (!/^\s*select/i.test(q.sql) || seen.has(q.sql)) continue;
    seen.add(q.sql);
    const explain = dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
    const params =
      q.parameters.length > 12
        ? `${JSON.stringify(q.parameters.slice(0, 12))} … (${q.parameters.length})`
        : JSON.stringify(q.parameters);
    const res = await db.executeQuery(CompiledQuery.raw(explain + q.sql, [...q.parameters]));
    const lines = (res.rows as Record<string, unknown>[]).map((r) =>
      dialect === 'sqlite'
        ? `${'  '.repeat(Number(r.parent) ? 1 : 0)}${String(r.detail)}`
        : String(r['QUERY PLAN']),
    );
    out.push(q.sql, `-- parameters: ${params}`, ...lines, '');
  }
  mkdirSync('bench/plans', { recursive: true });
  writeFileSync(`bench/plans/${dialect}-${name}.txt`, `${out.join('\n')}\n`);
}

async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// ---- the server child
interface ServerChild {
  child: ChildProcess;
  ports: number[];
  floorPort: number;
  ask<T>(message: object): Promise<T>;
  stop(): Promise<void>;
}
async function startServer(url: string, instances: number): Promise<ServerChild> {
  const child = fork('bench/lib/server.ts', [url, String(instances)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const ready = await new Promise<{ ports: number[]; floorPort: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { ports: number[]; floorPort: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(message);
    });
  return {
    child,
    ...ready,
    ask,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function signIn(port: number, username: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

interface Endpoint {
  name: string;
  user: string;
  method: 'GET' | 'PUT';
  paths: string[];
  body?: string;
}

async function httpRuns(
  server: ServerChild,
  endpoints: Endpoint[],
  rows: Row[],
  section: string,
  results: Record<string, unknown>,
) {
  let eldMax = 0;
  for (const e of endpoints) {
    const { cookie, csrfToken } = await signIn(server.ports[0] as number, e.user);
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    if (e.body) headers['content-type'] = 'application/json';
    const sample = await fetch(`http://127.0.0.1:${server.ports[0]}${e.paths[0]}`, {
      method: e.method,
      headers,
      body: e.body,
    });
    const body = await sample.text();
    if (sample.status !== 200) throw new Error(`${e.name}: ${sample.status} ${body.slice(0, 200)}`);
    await server.ask({
      type: 'floor',
      body,
      contentType: sample.headers.get('content-type') ?? 'application/json',
      method: e.method,
    });
    let next = 0;
    const requests = [
      {
        method: e.method,
        headers,
        body: e.body,
        setupRequest: (req: { path?: string }) => ({ ...req, path: e.paths[next++ % e.paths.length] }),
      },
    ];
    const urls = server.ports.map((p) => `http://127.0.0.1:${p}`);
    await server.ask({ type: 'eld-start' });
    const app = await autocannon({
      url: urls.length > 1 ? urls : (urls[0] as string),
      connections: CONNECTIONS,
      duration: DURATION,
      requests,
    });
    const eld = await server.ask<{ maxMs: number; p99Ms: number }>({ type: 'eld-stop' });
    eldMax = Math.max(eldMax, eld.maxMs);
    // requests still queued in the app when the client stopped finish before the floor's run starts
    await new Promise((r) => setTimeout(r, 2000));
    const floor = await autocannon({
      url: `http://127.0.0.1:${server.floorPort}`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        { method: e.method, headers, body: e.body, setupRequest: (req) => ({ ...req, path: e.paths[0] }) },
      ],
    });
    const ratio = app.requests.average / floor.requests.average;
    const hot = e.name === 'ledger list' || e.name === 'my-work digest';
    const errors = app.non2xx + app.errors + app.timeouts;
    const note = `${app.requests.total} req, ${errors} non-2xx/errors, floor ${floor.requests.average.toFixed(0)} req/s p99 ${floor.latency.p99} ms, ${(body.length / 1024).toFixed(1)} KB body, event loop max ${eld.maxMs.toFixed(0)} ms`;
    rows.push(
      { section, name: `${e.name}: req/s`, value: Math.round(app.requests.average), unit: 'req/s', note },
      { section, name: `${e.name}: p50`, value: app.latency.p50, unit: 'ms' },
      {
        section,
        name: `${e.name}: p99`,
        value: app.latency.p99,
        unit: 'ms',
        target: hot ? { op: '<=', value: 50 } : undefined,
      },
      {
        section,
        name: `${e.name}: share of floor`,
        value: Math.round(ratio * 100),
        unit: '%',
        target: hot ? { op: '>=', value: 30 } : undefined,
      },
    );
    results[e.name] = {
      app: summary(app),
      floor: summary(floor),
      ratio,
      eventLoop: eld,
      bodyBytes: body.length,
    };
    log(
      `${e.name}: ${app.requests.average.toFixed(0)} req/s p99 ${app.latency.p99} ms — floor ${floor.requests.average.toFixed(0)} req/s (${(ratio * 100).toFixed(0)}%)`,
    );
  }
  return eldMax;
}
/**
 * A province year's ledger export over HTTP, each in a fresh server process, beside a client polling /health:
 * the event loop's worst delay, the probe's worst answer and the process's peak RSS during that export alone.
 */
async function exportProbes(url: string, user: string, year: number, rows: Row[], section: string) {
  const out: Record<string, unknown> = {};
  for (const kind of ['docx', 'xlsx'] as const) {
    const server = await startServer(url, 1);
    const port = server.ports[0] as number;
    const { cookie, csrfToken } = await signIn(port, user);
    const before = await server.ask<{ rss: number }>({ type: 'stats' });
    await server.ask({ type: 'eld-start' });
    let polling = true;
    let worstMs = 0;
    let answered = 0;
    const probe = (async () => {
      while (polling) {
        const t = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        await res.arrayBuffer();
        worstMs = Math.max(worstMs, performance.now() - t);
        if (res.ok) answered++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/ledger/export.${kind}?year=${year}`, {
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    const bytes = (await res.arrayBuffer()).byteLength;
    const seconds = (performance.now() - t0) / 1000;
    polling = false;
    await probe;
    const eld = await server.ask<{ maxMs: number; p99Ms: number }>({ type: 'eld-stop' });
    const stats = await server.ask<{ maxRss: number }>({ type: 'stats' });
    await server.stop();
    if (res.status !== 200) throw new Error(`ledger export.${kind}: ${res.status}`);
    rows.push(
      {
        section,
        name: `ledger .${kind} export of ${year} over HTTP: event loop delay, max`,
        value: Math.round(eld.maxMs),
        unit: 'ms',
        target: { op: '<=', value: 50 },
        note: `${seconds.toFixed(1)} s, ${(bytes / MB).toFixed(1)} MB; p99 ${eld.p99Ms.toFixed(0)} ms`,
      },
      {
        section,
        name: `ledger .${kind} export: /health worst answer meanwhile`,
        value: Math.round(worstMs),
        unit: 'ms',
        target: { op: '<=', value: 50 },
        note: `${answered} answers`,
      },
      {
        section,
        name: `ledger .${kind} export: server peak RSS`,
        value: Math.round(stats.maxRss / MB),
        unit: 'MB',
        target: { op: '<=', value: 300 },
        note: `${Math.round(before.rss / MB)} MB before`,
      },
    );
    out[kind] = { seconds, bytes, eld, healthWorstMs: worstMs, answered, maxRss: stats.maxRss };
    log(
      `${kind} export: ${seconds.toFixed(1)} s, event loop max ${eld.maxMs.toFixed(0)} ms, /health worst ${worstMs.toFixed(0)} ms`,
    );
  }
  return out;
}

const summary = (r: CannonResult) => ({
  rps: r.requests.average,
  total: r.requests.total,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  non2xx: r.non2xx,
  errors: r.errors,
});

/** Start the built server, time the first 200 on /api/v1/health, read its RSS 3 s later; then kill it. */
async function startBuilt(url: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LIAISON_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  let first = 0;
  while (performance.now() - t0 < 30_000) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (r.status === 200) {
        first = performance.now() - t0;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  // SIGKILL: a graceful stop waits for the first sweep (1 s after start), which at province scale runs long
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return { first, rss };
}

async function coldStart(url: string, rows: Row[], section: string) {
  if (!existsSync('dist/server/main.js')) {
    rows.push({ section, name: 'cold start', value: null, unit: 's', note: 'no dist/server/main.js' });
    return;
  }
  const withSweep = await startBuilt(url);
  const idle = await startBuilt(url, { LIAISON_SWEEP_EVERY_MINUTES: '0' });
  rows.push(
    {
      section,
      name: 'cold start to first 200 (/api/v1/health)',
      value: withSweep.first ? Number((withSweep.first / 1000).toFixed(2)) : null,
      unit: 's',
      target: { op: '<=', value: 2 },
    },
    {
      section,
      name: 'idle RSS (3 s after start, sweep timer off)',
      value: Math.round(idle.rss / MB),
      unit: 'MB',
      target: { op: '<=', value: 150 },
      note: `with the sweep timer on, its first run (1 s after start) under way: ${Math.round(withSweep.rss / MB)} MB`,
    },
  );
}

/**
 * The write run adds an 'analysed' event per request to the items' timelines: removed before and after, so
 * every run's item screens are the same size (the audit entries stay: the trail is append-only).
 */
async function dropBenchEvents(url: string, username: string) {
  const h = connect(url);
  const user = await h.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  await h.db
    .deleteFrom('consultation_item_events')
    .where('action', '=', 'analysed')
    .where('actor_id', '=', user.id)
    .execute();
  await h.close();
}

async function ensureData(url: string, dialect: Dialect): Promise<void> {
  const probe = connect(url);
  const have = await generatedScale(probe);
  await probe.close();
  const want = QUICK ? 'district' : 'province';
  if (have === want) return;
  log(`generating ${want} data into ${url} (once; reused after)`);
  await wipe(url);
  const r = await generate(want, url, log);
  log(`generated in ${r.seconds.toFixed(0)} s (${dialect})`);
}

async function engine(
  url: string,
  dialect: Dialect,
  shared: { web: Record<string, unknown>; webRows: Row[] },
) {
  const rows: Row[] = [];
  const results: Record<string, unknown> = {};
  await ensureData(url, dialect);
  const handle = connect(url);
  await migrateToLatest(handle.db);
  const db = handle.db;
  const users = await benchUsers(db);
  const year = CURRENT_YEAR;
  const tzb = await contextOf(db, users.tzb);
  const top = await contextOf(db, users.top);
  const dept = await contextOf(db, users.department);
  const listQuery = {
    year,
    departmentId: users.departmentId,
    counterpartId: users.counterpartId,
    order: 'newest' as const,
    limit: 500,
    offset: 0,
  };

  // 1. query plans of the hot paths
  log(`${dialect}: query plans → bench/plans/`);
  await plans(db, dialect, 'ledger-list', (d) => listLedger({ ...tzb, db: d }, listQuery));
  await plans(db, dialect, 'digest', (d) => myWork({ ...dept, db: d }, 'bench'));
  await plans(db, dialect, 'digest-tzb', (d) => digestFor(d, tzb.actor));
  await plans(db, dialect, 'dashboard-district', (d) => dashboard({ ...tzb, db: d }, { year }));
  if (!QUICK) await plans(db, dialect, 'dashboard-province', (d) => dashboard({ ...top, db: d }, { year }));
  await plans(db, dialect, 'search', (d) => search({ ...tzb, db: d }, { q: '乡村振兴', limit: 20 }));
  await plans(db, dialect, 'search-department', (d) =>
    search({ ...dept, db: d }, { q: '乡村振兴', limit: 20 }),
  );
  if (args['plans-only']) {
    await handle.close();
    return { rows, results, users };
  }

  // 2. service calls, median of N
  const S = 'queries';
  const dashDistrict = await median(15, () => dashboard(tzb, { year }));
  rows.push({
    section: S,
    name: 'dashboard, a district (median of 15)',
    value: Math.round(dashDistrict),
    unit: 'ms',
    target: { op: '<=', value: 200 },
  });
  if (!QUICK) {
    const dashProvince = await median(5, () => dashboard(top, { year }));
    rows.push({
      section: S,
      name: `dashboard, the province (${users.scale}, median of 5)`,
      value: Math.round(dashProvince),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
    });
  }
  rows.push({
    section: S,
    name: 'digest, a department (median of 15)',
    value: Math.round(await median(15, () => digestFor(db, dept.actor))),
    unit: 'ms',
  });
  rows.push({
    section: S,
    name: 'digest, 统战部 of a district (median of 15)',
    value: Math.round(await median(15, () => digestFor(db, tzb.actor))),
    unit: 'ms',
  });
  if (!QUICK)
    rows.push({
      section: S,
      name: 'digest, 统战部 of the province (median of 5)',
      value: Math.round(await median(5, () => digestFor(db, top.actor))),
      unit: 'ms',
    });
  log(`${dialect}: service timings done`);

  // 3. documents: every annual report of a district (drafted live) and the conference pack, one .docx each
  const D = 'documents';
  let t = performance.now();
  const reports = await annualReportDocx(tzb, { year, all: '1' });
  const reportsS = (performance.now() - t) / 1000;
  t = performance.now();
  const pack = await conferencePack(tzb, year, 'docx');
  const packS = (performance.now() - t) / 1000;
  rows.push(
    {
      section: D,
      name: "a district's annual reports (.docx)",
      value: Number(reportsS.toFixed(2)),
      unit: 's',
      note: `${(reports.body.length / 1024).toFixed(0)} KB`,
    },
    {
      section: D,
      name: 'the conference pack (.docx)',
      value: Number(packS.toFixed(2)),
      unit: 's',
      note: `${(pack.body.length / 1024).toFixed(0)} KB`,
    },
    {
      section: D,
      name: 'reports + pack',
      value: Number((reportsS + packS).toFixed(2)),
      unit: 's',
      target: { op: '<=', value: 10 },
    },
  );
  log(`${dialect}: documents ${reportsS.toFixed(1)} s + ${packS.toFixed(1)} s`);

  // 4. the 100,000-row export, streamed, in a child process
  if (!QUICK) {
    const child = await bundle('bench/lib/export-child.ts', 'export-child');
    const out = execFileSync(process.execPath, [child, url, '100000', '/tmp/liaison-bench-ledger.xlsx'], {
      encoding: 'utf8',
    });
    const e = JSON.parse(out.trim().split('\n').at(-1) as string) as {
      rows: number;
      seconds: number;
      maxRss: number;
      bytes: number;
    };
    rows.push(
      {
        section: D,
        name: `ledger .xlsx export, ${e.rows} rows (streamed)`,
        value: Number(e.seconds.toFixed(2)),
        unit: 's',
        target: { op: '<=', value: 10 },
        note: `${(e.bytes / MB).toFixed(1)} MB file`,
      },
      {
        section: D,
        name: 'ledger export peak RSS (child process)',
        value: Math.round(e.maxRss / MB),
        unit: 'MB',
        target: { op: '<=', value: 300 },
      },
    );
    results.export = e;
    log(`${dialect}: export ${e.rows} rows ${e.seconds.toFixed(1)} s, ${(e.maxRss / MB).toFixed(0)} MB`);
  }

  // 5. HTTP under load, beside the floor
  const open = await db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .select('i.id')
    .where('m.department_id', '=', users.departmentId)
    .where('i.status', 'in', ['awaiting_reply', 'awaiting_verdict', 'rehandling'])
    .orderBy('i.id')
    .execute();
  await handle.close();
  const q = encodeURIComponent('乡村振兴');
  const endpoints: Endpoint[] = [
    {
      name: 'ledger list',
      user: users.tzb,
      method: 'GET',
      paths: [
        `/api/v1/ledger?year=${year}&departmentId=${users.departmentId}&counterpartId=${users.counterpartId}`,
      ],
    },
    { name: 'my-work digest', user: users.department, method: 'GET', paths: ['/api/v1/my-work'] },
    {
      name: 'dashboard (district)',
      user: users.tzb,
      method: 'GET',
      paths: [`/api/v1/dashboard?year=${year}`],
    },
    { name: 'search', user: users.tzb, method: 'GET', paths: [`/api/v1/search?q=${q}`] },
    {
      name: `suggestion analysis (write, ${open.length} items round-robin)`,
      user: users.department,
      method: 'PUT',
      paths: open.map((o) => `/api/v1/consultations/items/${o.id}/analysis`),
      body: JSON.stringify({ analysis: '经研究，该建议符合实际，拟纳入明年工作要点。' }),
    },
  ];
  const H = 'http';
  await dropBenchEvents(url, users.department);
  const server = await startServer(url, 1);
  const eldMax = await httpRuns(server, endpoints, rows, H, results);
  const stats = await server.ask<{ rss: number; maxRss: number }>({ type: 'stats' });
  await server.stop();
  await dropBenchEvents(url, users.department);
  rows.push(
    {
      section: H,
      name: 'event loop delay, max during the app runs',
      value: Math.round(eldMax),
      unit: 'ms',
      target: { op: '<=', value: 50 },
    },
    {
      section: H,
      name: 'server RSS under load (peak)',
      value: Math.round(stats.maxRss / MB),
      unit: 'MB',
      note: `now ${Math.round(stats.rss / MB)} MB`,
    },
  );
  if (dialect === 'postgres') {
    // scale-out: two instances (two processes, one pool each) behind a round-robin client
    const a = await startServer(url, 1);
    const b = await startServer(url, 1);
    const both = { ...a, ports: [...a.ports, ...b.ports], ask: a.ask };
    const { cookie, csrfToken } = await signIn(a.ports[0] as number, users.tzb);
    const path = endpoints[0]?.paths[0] as string;
    const r = await autocannon({
      url: both.ports.map((p) => `http://127.0.0.1:${p}`),
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{ method: 'GET', path, headers: { cookie, 'x-csrf-token': csrfToken } }],
    });
    await a.stop();
    await b.stop();
    rows.push({
      section: H,
      name: 'ledger list, 2 instances round-robin: req/s',
      value: Math.round(r.requests.average),
      unit: 'req/s',
      note: `p99 ${r.latency.p99} ms, ${r.non2xx + r.errors} non-2xx/errors; session from instance A used on both`,
    });
    results.scaleOut = summary(r);
    log(`postgres: 2 instances ${r.requests.average.toFixed(0)} req/s`);
  }

  // 6. a province year's exports (the top region's 统战部) beside a /health probe, each in its own server process
  if (!QUICK) results.exportProbes = await exportProbes(url, users.top, year, rows, H);

  // 7. cold start and idle RSS of the built server
  await coldStart(url, rows, 'process');
  return { rows: [...rows, ...shared.webRows], results: { ...results, web: shared.web }, users };
}

function table(title: string, rows: Row[]) {
  const lines = [`${title}`, '', '| section | measure | value | target | |', '|---|---|---:|---|---|'];
  for (const r of rows) {
    const v = r.value === null ? 'n/a' : `${r.value} ${r.unit}`;
    const target = r.target ? `${r.target.op === '<=' ? '≤' : '≥'} ${r.target.value} ${r.unit}` : '';
    const mark = ok(r) === null ? '' : ok(r) ? '✓' : '✗';
    lines.push(
      `| ${r.section} | ${r.name}${r.note ? ` <br><sub>${r.note}</sub>` : ''} | ${v} | ${target} | ${mark} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  // the service calls made in this process read encrypted columns too: the same keys and mode as the app
  configureCrypto(loadConfig(process.env));
  const engines: { dialect: Dialect; url: string }[] = [];
  const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;
  if (args.only !== 'postgres')
    engines.push({ dialect: 'sqlite', url: defaultUrl(QUICK ? 'district' : 'province') });
  if (pgUrl && args.only !== 'sqlite') engines.push({ dialect: 'postgres', url: pgUrl });
  log(
    `bench: ${args.web ? 'web' : engines.map((e) => e.dialect).join(' + ')}${QUICK ? ' (quick: district only)' : ''}; ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
  );
  try {
    if (!args['plans-only'] && !args.web)
      execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { stdio: 'inherit' });
  } catch {
    log('build:server failed — the cold start uses the dist/ there is');
  }
  const webRows: Row[] = [];
  const web = { ...webBundle(webRows), ...(args['plans-only'] ? {} : await pageLcp(webRows, log)) };
  mkdirSync('bench/results', { recursive: true });
  if (args.web) {
    // the browser section alone: the bundle and the LCP do not depend on the engine (the demo data on SQLite)
    const date = new Date().toISOString().slice(0, 10);
    const title = `${date} — web bundle and LCP (demo data, SQLite), ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`;
    console.log(`\n${table(title, webRows)}\n`);
    const file = `bench/results/${date}-web.json`;
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), machine: { cores: cpus().length, memGiB: Math.round(totalmem() / 1024 ** 3) }, rows: webRows.map((r) => ({ ...r, ok: ok(r) })), details: web }, null, 2)}\n`,
    );
    writeFileSync(file.replace(/\.json$/, '.md'), `${table(title, webRows)}\n`);
    log(`wrote ${file} (and .md)`);
    return;
  }
  for (const e of engines) {
    const { rows, results, users } = await engine(e.url, e.dialect, { web, webRows });
    if (args['plans-only']) continue;
    const date = new Date().toISOString().slice(0, 10);
    const title = `${date} — ${e.dialect}${CRYPTO === 'gm' ? ', LIAISON_CRYPTO=gm' : ''}, ${users.scale} scale (${users.years[0]}–${users.years.at(-1)}), ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`;
    console.log(`\n${table(title, rows)}\n`);
    const file = `bench/results/${date}-${e.dialect}${CRYPTO === 'gm' ? '-gm' : ''}${QUICK ? '-quick' : ''}.json`;
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), engine: e.dialect, crypto: CRYPTO, scale: users.scale, years: users.years, machine: { cores: cpus().length, memGiB: Math.round(totalmem() / 1024 ** 3) }, rows: rows.map((r) => ({ ...r, ok: ok(r) })), details: results }, null, 2)}\n`,
    );
    writeFileSync(file.replace(/\.json$/, '.md'), `${table(title, rows)}\n`);
    log(`wrote ${file} (and .md)`);
  }
  log(`plans: ${readdirSync('bench/plans').join(', ')}`);
  log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
