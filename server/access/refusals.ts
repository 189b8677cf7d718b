// Every refused request leaves an `access.denied` entry — a route's permission (403), a service's own rule
// (403), a record outside the actor's scope or not there at all (404, the same answer by design) — written in
// its own transaction, so it stays although the request's transaction rolled back. At most one entry per
// actor and route a minute (with how many were folded into it), so probing cannot flood the trail.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAuditAlone } from '../modules/audit/index.js';

export const REFUSAL_WINDOW_MS = 60_000;

interface Window {
  since: number;
  suppressed: number;
}
/** Per app instance (each keeps its own; a second instance may write its own entry in the same minute). */
const perApp = new WeakMap<FastifyInstance, Map<string, Window>>();

/** True when this refusal opens a new window (and is written); counts it otherwise. */
function admit(
  windows: Map<string, Window>,
  key: string,
  now: number,
): { write: boolean; suppressed: number } {
  const w = windows.get(key);
  if (w && now - w.since < REFUSAL_WINDOW_MS) {
    w.suppressed += 1;
    return { write: false, suppressed: 0 };
  }
  if (windows.size > 10_000) {
    for (const [k, v] of windows) if (now - v.since >= REFUSAL_WINDOW_MS) windows.delete(k);
  }
  windows.set(key, { since: now, suppressed: 0 });
  return { write: true, suppressed: w?.suppressed ?? 0 };
}

export type RefusalReason =
  | 'permission'
  | 'policy'
  | 'not-found'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'TOTP_ENROLMENT_REQUIRED';

/** Record a refused request of a signed-in actor: who, from where, which route and path, why. */
export async function recordRefusal(
  app: FastifyInstance,
  request: FastifyRequest,
  reason: RefusalReason | string,
): Promise<void> {
  const actor = request.actor;
  if (!actor || !app.hasDecorator('db')) return;
  const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
  let windows = perApp.get(app);
  if (!windows) {
    windows = new Map();
    perApp.set(app, windows);
  }
  const { write, suppressed } = admit(windows, `${actor.userId} ${route}`, Date.now());
  if (!write) return;
  const path = request.url.split('?')[0];
  await appendAuditAlone(
    app.db,
    { actor, ip: request.ip },
    {
      action: 'access.denied',
      entityType: 'route',
      entityId: route,
      outcome: 'denied',
      regionId: actor.regionId,
      detail: `${reason} ${path}${suppressed ? ` (+${suppressed} more in the previous minute)` : ''}`,
    },
  ).catch((e: unknown) => request.log.error({ err: e }, 'audit of a refusal failed'));
}
