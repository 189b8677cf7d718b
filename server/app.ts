import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  createJsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connect.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { activationRoutes } from './modules/activation/activation.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { conferenceRoutes } from './modules/conference/conference.routes.js';
import { consultationRoutes } from './modules/consultations/consultations.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { digestRoutes } from './modules/digest/digest.routes.js';
import { filingRoutes } from './modules/filings/filings.routes.js';
import { jobRoutes } from './modules/jobs/jobs.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { ledgerAttachmentRoutes } from './modules/ledger/ledger-attachments.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { notificationPreferenceRoutes } from './modules/notifications/preferences.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { pairingRoutes } from './modules/pairings/pairings.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { regionRoutes } from './modules/regions/regions.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { rosterRoutes } from './modules/roster/roster.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { openApiTransform } from './openapi/transform.js';
import access from './plugins/access.js';
import auth from './plugins/auth.js';
import dbPlugin from './plugins/db.js';
import errorHandler, { clientErrorHandler, frameworkErrors } from './plugins/error-handler.js';
import inputGuard from './plugins/input-guard.js';
import metrics from './plugins/metrics.js';
import rateLimits from './plugins/rate-limits.js';
import { checkedSerializerCompiler, trustedSerializerCompiler } from './plugins/response-serializer.js';
import securityHeaders from './plugins/security-headers.js';
import web from './plugins/web.js';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
  /**
   * 'check' (the default: tests, development): every response is parsed by its route's zod schema and must
   * come out unchanged — no extra key, no value the schema would alter — else the request fails (500).
   * 'trust' (production, the bench): the body is serialised as it is, without parsing it again; what 'check'
   * proved for every tested response is what makes that safe.
   */
  responses?: 'check' | 'trust';
}

/** Build the application: plugins, then feature modules under /api/v1. Never listens. */
export async function buildApp({
  config,
  database,
  logger = false,
  responses = 'check',
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.LIAISON_LOG_LEVEL } : false,
    // Fastify's two lines per request (received, completed) only at debug and trace: at info they were a JSON
    // serialisation and a write per line on every request; the reverse proxy keeps an access log (nginx does by default), and
    // errors are logged by the error handler at every level.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(config.LIAISON_LOG_LEVEL),
    }),
    // whose X-Forwarded-For is believed (the address audited and rate-limited): LIAISON_TRUST_PROXY
    trustProxy: config.LIAISON_TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Fastify's and Node's own refusals in our error shape too
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responses === 'check' ? checkedSerializerCompiler : trustedSerializerCompiler);

  await app.register(errorHandler);
  await app.register(securityHeaders, { tls: config.LIAISON_TLS });
  await app.register(fastifyCookie);
  await app.register(dbPlugin, { handle: database, config });
  // off (no monitors, no route) unless a deployment asks for it
  if (config.LIAISON_METRICS_TOKEN)
    await app.register(metrics, { token: config.LIAISON_METRICS_TOKEN, database });
  await app.register(auth);
  await app.register(access);
  await app.register(inputGuard);
  await app.register(rateLimits, {
    loginPerIp: config.LIAISON_RATE_LOGIN_PER_IP,
    loginPerUser: config.LIAISON_RATE_LOGIN_PER_USER,
    exportsPerUser: config.LIAISON_RATE_EXPORTS_PER_USER,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '对口联系 Liaison API', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' } } },
    },
    transform: openApiTransform,
    // schemas registered with an id (`.meta({ id })` in common/schemas) become components, referenced by $ref;
    // written for OpenAPI 3.0 like the inline ones (the library's default for components is JSON Schema 2020-12)
    transformObject: createJsonSchemaTransformObject({ zodToJsonConfig: { target: 'openapi-3.0' } }),
  });

  await app.register(
    async (api) => {
      const r = api.withTypeProvider<ZodTypeProvider>();
      r.get(
        '/health',
        {
          config: { permission: 'public' },
          schema: {
            summary: '运行状态 · Health check: the server and its database answer',
            tags: ['system'],
            response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
          },
        },
        async () => {
          await api.db.selectFrom('regions').select('id').limit(1).execute();
          return { status: 'ok' as const, database: api.dialect };
        },
      );
      r.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
        api.swagger(),
      );
      await api.register(authRoutes);
      await api.register(regionRoutes);
      await api.register(organisationRoutes);
      await api.register(pairingRoutes);
      await api.register(rosterRoutes);
      await api.register(filingRoutes);
      await api.register(notificationRoutes);
      await api.register(notificationPreferenceRoutes);
      await api.register(ledgerRoutes);
      await api.register(ledgerAttachmentRoutes);
      await api.register(planRoutes);
      await api.register(calendarRoutes);
      await api.register(consultationRoutes);
      await api.register(reportRoutes);
      await api.register(conferenceRoutes);
      await api.register(jobRoutes);
      await api.register(digestRoutes);
      await api.register(dashboardRoutes);
      await api.register(searchRoutes);
      await api.register(userRoutes);
      await api.register(activationRoutes);
      await api.register(accountRoutes);
      await api.register(setupRoutes);
      await api.register(auditRoutes);
      await api.register(settingsRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(web, { distDir: config.LIAISON_WEB_DIST });
  return app;
}
