// npm run bench:profile -- --endpoint ledger [--duration 5] [--url sqlite:bench/data/district.db] [--top 30]
//
// Where a hot endpoint's time goes: starts the bench server (bench/lib/server.ts), signs in as the bench user,
// warms the endpoint, then CPU-profiles the server (inspector, the run alone) while autocannon drives it with 50
// connections, and sums the profile's self time by function and by file/package. Prints req/s, p99 and both tables.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connect } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { BENCH_PASSWORD, CURRENT_YEAR, defaultUrl } from './generate.js';
import { benchUsers } from './lib/common.js';

const { values: args } = parseArgs({
  options: {
    endpoint: { type: 'string', default: 'ledger' },
    duration: { type: 'string', default: '5' },
    url: { type: 'string' },
    top: { type: 'string', default: '30' },
    // without the profiler: the server's CPU time per request alone (robust to other processes' load)
    'no-profile': { type: 'boolean', default: false },
  },
});
const url = args.url ?? defaultUrl('district');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per function and per file, from a .cpuprofile. */
export function selfTimes(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries())
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const whereOf = (f: ProfileNode['callFrame']) =>
    f.url
      .replace(/^file:\/\//, '')
      .replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/(?:esm\/)?)?/, 'pkg:$1/')
      .replace(/^.*\/(server|bench|common)\//, '$1/');
  const nameOf = (f: ProfileNode['callFrame']) =>
    `${f.functionName || '(anonymous)'}  ${whereOf(f)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
  for (const [id, ms] of self) {
    const f = (byId.get(id) as ProfileNode).callFrame;
    const pkg = whereOf(f).replace(/^(pkg:(?:@[^/]+\/)?[^/]+)\/.*$/, '$1') || '(native)';
    fn.set(nameOf(f), (fn.get(nameOf(f)) ?? 0) + ms);
    file.set(pkg, (file.get(pkg) ?? 0) + ms);
    // inclusive: every distinct function on the sample's stack
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf((byId.get(at) as ProfileNode).callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, byFunction: sorted(fn), byFile: sorted(file), inclusive: sorted(inclusive) };
}

async function main() {
  const h = connect(url);
  await migrateToLatest(h.db);
  const users = await benchUsers(h.db);
  const open = await h.db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .select('i.id')
    .where('m.department_id', '=', users.departmentId)
    .where('i.status', 'in', ['awaiting_reply', 'awaiting_verdict', 'rehandling'])
    .orderBy('i.id')
    .execute();
  await h.close();
  const year = CURRENT_YEAR;
  const endpoints: Record<string, { user: string; method: 'GET' | 'PUT'; paths: string[]; body?: string }> = {
    ledger: {
      user: users.tzb,
      method: 'GET',
      paths: [
        `/api/v1/ledger?year=${year}&departmentId=${users.departmentId}&counterpartId=${users.counterpartId}`,
      ],
    },
    mywork: { user: users.department, method: 'GET', paths: ['/api/v1/my-work'] },
    dashboard: { user: users.tzb, method: 'GET', paths: [`/api/v1/dashboard?year=${year}`] },
    search: { user: users.tzb, method: 'GET', paths: [`/api/v1/search?q=${encodeURIComponent('乡村振兴')}`] },
    pairings: { user: users.tzb, method: 'GET', paths: [`/api/v1/pairings?year=${year}`] },
    notifications: { user: users.department, method: 'GET', paths: ['/api/v1/notifications'] },
    suggestion: {
      user: users.department,
      method: 'PUT',
      paths: open.map((o) => `/api/v1/consultations/items/${o.id}/analysis`),
      body: JSON.stringify({ analysis: '经研究，该建议符合实际，拟纳入明年工作要点。' }),
    },
  };
  const e = endpoints[args.endpoint as string];
  if (!e) throw new Error(`--endpoint one of ${Object.keys(endpoints).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'liaison-prof-'));
  const child = fork('bench/lib/server.ts', [url, '1'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ask = <T = unknown>(message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(message);
    });
  const cpu = async () => (await ask<{ usage: NodeJS.CpuUsage }>({ type: 'cpu' })).usage;
  const ready = await new Promise<{ ports: number[] }>((resolve) =>
    child.once('message', (m) => resolve(m as { ports: number[] })),
  );
  const base = `http://127.0.0.1:${ready.ports[0]}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: e.user, password: BENCH_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
  if (e.body) headers['content-type'] = 'application/json';
  const sample = await fetch(`${base}${e.paths[0]}`, { method: e.method, headers, body: e.body });
  if (sample.status !== 200) throw new Error(`${sample.status} ${(await sample.text()).slice(0, 300)}`);
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: 50,
      duration,
      requests: [
        {
          method: e.method,
          headers,
          body: e.body,
          setupRequest: (req: { path?: string }) => ({ ...req, path: e.paths[next++ % e.paths.length] }),
        },
      ],
    });
  await run(1); // warm: lazy modules, JIT, statement caches
  const profiling = !args['no-profile'];
  if (profiling) await ask({ type: 'profile-start' });
  const before = await cpu();
  const r = await run(Number(args.duration));
  const used = await cpu();
  const cpuMs = (used.user - before.user + used.system - before.system) / 1000;
  const file = join(dir, `${args.endpoint}.cpuprofile`);
  if (profiling) await ask({ type: 'profile-stop', path: file });
  child.kill('SIGTERM');
  await new Promise((res) => child.once('exit', res));
  console.log(
    `${args.endpoint}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx; server CPU ${((cpuMs / r.requests.total) * 1000).toFixed(0)} µs per request (${r.requests.total} requests${profiling ? ', profiler on' : ''})`,
  );
  if (!profiling) return;
  const p = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const top = Number(args.top);
  console.log(`profile ${file}`);
  const pct = (ms: number) => `${((ms / p.total) * 100).toFixed(1).padStart(5)} %`;
  console.log('\nself time by file/package:');
  for (const [k, ms] of p.byFile.slice(0, top)) console.log(`${pct(ms)}  ${k}`);
  console.log('\nself time by function:');
  for (const [k, ms] of p.byFunction.slice(0, top)) console.log(`${pct(ms)}  ${k}`);
  console.log('\ninclusive time by function (server/ and common/ code):');
  for (const [k, ms] of p.inclusive.filter(([k]) => / {2}(server|common)\//.test(k)).slice(0, top))
    console.log(`${pct(ms)}  ${k}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
