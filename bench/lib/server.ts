// The bench's server process: the app (one or two instances, each on its own connection/pool to the same
// database) and the floor — a bare fastify() serving one captured response body — in the same process, so
// both share the machine's noise. Driven over IPC by bench/run.ts: set the floor's body, measure the event
// loop's delay during a run, report memory.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify from 'fastify';
import { buildApp } from '../../server/app.js';
import { connect } from '../../server/db/connect.js';
import { benchConfig } from './common.js';

const url = process.argv[2] as string;
const instances = Number(process.argv[3] ?? 1);

export type ServerMessage =
  | { type: 'floor'; body: string; contentType: string; method: string }
  | { type: 'eld-start' }
  | { type: 'eld-stop' }
  | { type: 'stats' }
  | { type: 'cpu' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string };

async function main() {
  const config = benchConfig(url);
  const ports: number[] = [];
  for (let i = 0; i < instances; i++) {
    const database = connect(url, { poolSize: 10 });
    const app = await buildApp({ config, database, responses: 'trust' }); // as in production (server/main.ts)
    await app.listen({ port: 0, host: '127.0.0.1' });
    ports.push((app.server.address() as { port: number }).port);
  }
  let floor = { body: '{}', contentType: 'application/json; charset=utf-8' };
  const bare = Fastify();
  const serve = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('content-type', floor.contentType).send(floor.body);
  bare.get('/*', serve);
  bare.put('/*', serve);
  bare.post('/*', serve);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const floorPort = (bare.server.address() as { port: number }).port;

  const eld = monitorEventLoopDelay({ resolution: 5 });
  // a CPU profile of a run alone (bench/profile.ts), without start-up and module loading
  let inspector: Session | null = null;
  process.on('message', async (m: ServerMessage) => {
    if (m.type === 'cpu') {
      process.send?.({ type: 'cpu', usage: process.cpuUsage() });
    } else if (m.type === 'profile-start') {
      inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
      process.send?.({ type: 'ok' });
    } else if (m.type === 'profile-stop' && inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(m.path, JSON.stringify(profile));
      inspector.disconnect();
      inspector = null;
      process.send?.({ type: 'ok' });
    } else if (m.type === 'floor') {
      floor = { body: m.body, contentType: m.contentType };
      process.send?.({ type: 'ok' });
    } else if (m.type === 'eld-start') {
      eld.reset();
      eld.enable();
      process.send?.({ type: 'ok' });
    } else if (m.type === 'eld-stop') {
      eld.disable();
      process.send?.({ type: 'eld', maxMs: eld.max / 1e6, p99Ms: eld.percentile(99) / 1e6 });
    } else if (m.type === 'stats') {
      process.send?.({
        type: 'stats',
        rss: process.memoryUsage().rss,
        maxRss: process.resourceUsage().maxRSS * 1024,
      });
    }
  });
  // a normal exit (so --cpu-prof, when given, writes its profile)
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
  process.send?.({ type: 'ready', ports, floorPort });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
