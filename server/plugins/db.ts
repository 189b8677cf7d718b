import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { configureCrypto } from '../crypto/configure.js';
import type { DatabaseHandle, Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { PolicyDefaults } from '../modules/settings/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: Dialect;
    config: Config;
    /** session lifetimes from the environment; the security admin's policy overrides them */
    policyDefaults: PolicyDefaults;
  }
}

/** Decorates the app with the database handle; the caller owns its lifetime (closes it after the app). */
async function dbPlugin(
  app: FastifyInstance,
  opts: { handle: DatabaseHandle; config: Config },
): Promise<void> {
  // The algorithms (LIAISON_CRYPTO) and keys: phone numbers and TOTP secrets are encrypted when a data key is set.
  configureCrypto(opts.config);
  app.decorate('db', opts.handle.db);
  app.decorate('dialect', opts.handle.dialect);
  app.decorate('config', opts.config);
  app.decorate('policyDefaults', {
    sessionIdleMinutes: opts.config.LIAISON_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: opts.config.LIAISON_SESSION_ABSOLUTE_HOURS,
  });
}

export default fp(dbPlugin, { name: 'db' });
