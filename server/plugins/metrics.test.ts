import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDialect, loginAs, type TestApp } from '../test/helper.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describeEachDialect('GET /metrics', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { LIAISON_METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => t.close());

  it('answers a scraper with the token: latencies per route pattern, event loop, jobs, mail, pool', async () => {
    const tzb = await loginAs(t, 'tzb', '区委统战部');
    await tzb.get('/api/v1/ledger?year=2019');
    await tzb.get('/api/v1/organisations/999999');

    const res = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    // the route's pattern, never the raw URL with its id
    expect(text).toMatch(
      /liaison_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/ledger",status="200"\} 1/,
    );
    expect(text).toMatch(/route="\/api\/v1\/organisations\/:id",status="404"/);
    expect(text).not.toContain('organisations/999999');
    expect(text).toContain('nodejs_eventloop_lag_max_seconds');
    expect(text).toMatch(/liaison_jobs\{status="queued"\} 0/);
    expect(text).toMatch(/liaison_mail_deliveries\{status="failed"\} 0/);
    expect(text).toContain('liaison_sweep_runs_total');
    if (dialect === 'postgres') expect(text).toMatch(/liaison_db_pool_connections\{state="total"\} \d+/);
  });

  it('refuses anyone without the token (as if there were no such page)', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(404);
  });
});
