import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import multipart from '@fastify/multipart';
import { auditRoutes } from './features/audit/audit.routes';
import { correctionsRoutes } from './features/customers/corrections.routes';
import { customersRoutes } from './features/customers/customers.routes';
import { importsRoutes } from './features/imports/imports.routes';
import { callbacksRoutes } from './features/callbacks/callbacks.routes';
import { casesRoutes } from './features/cases/cases.routes';
import { kpisRoutes } from './features/kpis/kpis.routes';
import { faqRoutes } from './features/faq/faq.routes';
import { surveyLinksRoutes } from './features/survey-links/survey-links.routes';
import { authRoutes } from './features/auth/auth.routes';
import { healthRoutes } from './features/health/health.routes';
import { orgRoutes } from './features/org/org.routes';
import { questionnairesRoutes } from './features/questionnaires/questionnaires.routes';
import { usersRoutes } from './features/users/users.routes';
import { calendarRoutes } from './features/calendar/calendar.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { registersRoutes } from './features/registers/registers.routes';
import { workbenchRoutes } from './features/workbench/workbench.routes';
import { complaintsRoutes } from './features/complaints/complaints.routes';
import { penaltiesRoutes } from './features/complaints/penalties.routes';
import { hotlineRoutes } from './features/hotline/hotline.routes';
import { forumRoutes } from './features/forum/forum.routes';
import { capaRoutes } from './features/reports/capa.routes';
import { reportsRoutes } from './features/reports/reports.routes';
import { installErrorHandler } from './http/errors-handler';
import './http/fastify-types';
import { installGuard } from './http/guard';
import { loggerOptions } from './http/logger';
import { installMetrics } from './http/metrics';
import { installSecurityHeaders } from './http/security-headers';
import { serializerCompiler } from './http/serializer';
import { installStatic } from './http/static';
import { VERSION } from './version';

export interface AppOptions {
  database: Database;
  config: Config;
  logger?: boolean;
}

/** Builds the Fastify app: plugins, the guard, the error handler and every feature's routes. */
export async function buildApp({ database, config, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config.logLevel) : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Router-level failures (bad URL encoding, over-long path parameters) get our error body too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const uriTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void reply
        .status(uriTooLong ? 414 : 400)
        .send({ error: { code: uriTooLong ? 'URI_TOO_LONG' : 'BAD_REQUEST', message: error.message } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site HTML form can send text/plain or form bodies, never application/json.
  app.removeContentTypeParser('text/plain');
  // An empty JSON body means "no body" (body-less POSTs); anything else goes to the default parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '' || body === undefined) return done(null, undefined);
    return parseJson(req, String(body), done);
  });
  app.decorate('manyi', { database, config, routes: [] });

  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: config.importMaxBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Manyi API',
        version: VERSION,
        description: 'Manyi (满意) customer-satisfaction management for dealerships',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'manyi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  installErrorHandler(app);
  installGuard(app);
  installMetrics(app);

  healthRoutes(app, VERSION);
  calendarRoutes(app);
  notificationsRoutes(app);
  authRoutes(app);
  usersRoutes(app);
  orgRoutes(app);
  auditRoutes(app);
  questionnairesRoutes(app);
  customersRoutes(app);
  correctionsRoutes(app);
  importsRoutes(app);
  callbacksRoutes(app);
  casesRoutes(app);
  kpisRoutes(app);
  faqRoutes(app);
  surveyLinksRoutes(app);
  workbenchRoutes(app);
  registersRoutes(app);
  complaintsRoutes(app);
  penaltiesRoutes(app);
  hotlineRoutes(app);
  forumRoutes(app);
  reportsRoutes(app);
  capaRoutes(app);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  await app.register(async (docs) => {
    // The reference page runs its own inline bootstrap script: give it a CSP of its own.
    docs.addHook('onSend', async (_req, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
      );
    });
    await docs.register(scalar, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });
  });
  await installStatic(app);
  return app;
}
