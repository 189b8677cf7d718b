// Shared by the bench's processes: the bench users' contexts, the app's configuration under load.
import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../../server/config.js';
import type { RequestContext } from '../../server/context.js';
import type { Database } from '../../server/db/schema.js';
import { loadActor } from '../../server/modules/auth/index.js';
import type { BenchUsers } from '../generate.js';

/** The app's configuration for a bench: rate limits out of the way (one address signs in and exports a lot). */
export function benchConfig(url: string): Config {
  return loadConfig({
    ...process.env,
    DATABASE_URL: url,
    LIAISON_WEB_DIST: '/nonexistent',
    LIAISON_RATE_LOGIN_PER_IP: '100000',
    LIAISON_RATE_LOGIN_PER_USER: '100000',
    LIAISON_RATE_EXPORTS_PER_USER: '100000',
  });
}

export async function benchUsers(
  db: Kysely<Database>,
): Promise<BenchUsers & { scale: string; years: number[] }> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', 'bench.generated')
    .executeTakeFirstOrThrow();
  const v = JSON.parse(row.value_json) as { users: BenchUsers; scale: string; years: number[] };
  return { ...v.users, scale: v.scale, years: v.years };
}

/** A service call's context for a bench user, as the auth plugin would build it from a session. */
export async function contextOf(db: Kysely<Database>, username: string): Promise<RequestContext> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`no actor ${username}`);
  const { disabled: _d, totpEnabled: _t, ...rest } = actor;
  return { db, actor: rest, ip: '127.0.0.1', lang: 'zh-CN' };
}
