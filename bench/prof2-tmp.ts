import { buildApp } from '../server/app.js';
import { connect } from '../server/db/connect.js';
import { benchConfig, benchUsers } from './lib/common.js';
import { BENCH_PASSWORD } from './generate.js';
const url = process.argv[2] ?? 'sqlite:./bench/data/province.db';
const database = connect(url);
const u = await benchUsers(database.db);
const app = await buildApp({ config: benchConfig(url), database });
await app.ready();
const login = async (username: string) => {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: BENCH_PASSWORD } });
  return { cookie: r.cookies.find((c) => c.name === 'liaison_session')!.value, csrf: (r.json() as { csrfToken: string }).csrfToken };
};
const s = await login(u.tzb);
for (const path of ['/api/v1/health', `/api/v1/ledger?year=2026&departmentId=${u.departmentId}&counterpartId=${u.counterpartId}`, '/api/v1/auth/me']) {
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url: path, cookies: { liaison_session: s.cookie } });
    times.push(performance.now() - t);
    if (i === 0) console.log(r.statusCode, r.body.length);
  }
  times.sort((a, b) => a - b);
  console.log(path, 'median', times[500]!.toFixed(2), 'p99', times[990]!.toFixed(2));
}
await app.close(); await database.close();
