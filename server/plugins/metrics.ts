// GET /metrics in Prometheus' text format (prom-client), for a deployment's monitoring: request rates and
// latencies per route, the event loop's delay, the database pool, the jobs waiting, what the sweep sent and
// what e-mail failed. Off unless LIAISON_METRICS_TOKEN is set; then only a scraper presenting it as a bearer
// token is answered (the figures name routes and volumes, nothing about records or people).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/connect.js';
import { sendError } from './error-handler.js';

/** Counters the sweep timer adds to (module level: one sweep timer per process). */
export const sweepMetrics = {
  runs: new Counter({
    name: 'liaison_sweep_runs_total',
    help: 'sweeps run, by outcome',
    labelNames: ['outcome'],
    registers: [],
  }),
  notified: new Counter({
    name: 'liaison_sweep_notifications_total',
    help: 'reminders the sweep created',
    registers: [],
  }),
  mailSent: new Counter({
    name: 'liaison_mail_sent_total',
    help: 'notification e-mails sent',
    registers: [],
  }),
  mailFailed: new Counter({
    name: 'liaison_mail_failures_total',
    help: 'notification e-mails that failed (each attempt)',
    registers: [],
  }),
};

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const a = Buffer.from(header.slice(7));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function metrics(
  app: FastifyInstance,
  opts: { token?: string; database: DatabaseHandle },
): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  for (const metric of Object.values(sweepMetrics)) registry.registerMetric(metric);

  const duration = new Histogram({
    name: 'liaison_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // the route's pattern, never the raw URL (ids and queries would make a label per record)
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const pool = opts.database.poolStats;
  if (pool)
    new Gauge({
      name: 'liaison_db_pool_connections',
      help: 'PostgreSQL pool connections by state',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = pool();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  new Gauge({
    name: 'liaison_jobs',
    help: 'document jobs by status (queued and running: the queue depth)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await app.db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['queued', 'running'])
        .groupBy('status')
        .execute();
      for (const status of ['queued', 'running']) this.set({ status }, 0);
      for (const r of rows) this.set({ status: r.status }, Number(r.n));
    },
  });
  new Gauge({
    name: 'liaison_mail_deliveries',
    help: 'e-mail deliveries waiting or given up',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await app.db
        .selectFrom('notification_deliveries')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['pending', 'failed'])
        .groupBy('status')
        .execute();
      for (const status of ['pending', 'failed']) this.set({ status }, 0);
      for (const r of rows) this.set({ status: r.status }, Number(r.n));
    },
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!opts.token || !bearerMatches(request, opts.token)) return sendError(request, reply, 'NOT_FOUND');
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
}

export default fp(metrics, { name: 'metrics', dependencies: ['db'] });
