import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { randomUUID } from 'node:crypto';
import type { Runtime } from './core/runtime.js';
import type { RouteEntry } from './core/types.js';
import type { PgBoss } from './core/jobs.js';
import { createRealtime } from './core/realtime.js';
import { registerRequestContext } from './core/http/request-context.js';
import { registerGuards, staffGuardOf } from './core/http/guards.js';
import { frameworkError, registerErrorHandling } from './core/http/error-handling.js';
import { registerOperations } from './core/http/operations.js';
import { registerSecurityHeaders } from './core/http/security-headers.js';
import { registerEmptyQueryValues } from './core/http/query.js';
import { authRoutes } from './core/auth/routes.js';
import { homeRoutes } from './core/home/routes.js';
import { accountRoutes } from './core/admin/account-routes.js';
import { auditRoutes } from './core/admin/audit-routes.js';
import { userRoutes } from './core/admin/user-routes.js';
import { loadAssets } from './web/assets.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The HTTP application: core plugins, then every module's routes. Does not listen. */
export async function buildApp(rt: Runtime, opts: { boss?: PgBoss | null; logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: rt.config.logLevel },
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkError,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });
  loadAssets();
  app.decorate('config', rt.config);
  app.decorate('db', rt.db);
  app.decorate('ownerDb', rt.ownerDb);
  app.decorate('boss', opts.boss ?? null);
  app.decorate('modules', rt.modules);
  app.decorate('realtime', createRealtime(rt.endpoints.appUrl, app.log));
  app.addHook('onClose', async () => { await app.realtime.close(); });

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 200 } });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  if (rt.config.rateLimit) {
    await app.register(rateLimit, { global: false });
  } else {
    app.log.warn('THANTHIEN_RATE_LIMIT=off: rate limits are disabled');
  }
  await app.register(swagger, {
    openapi: {
      info: { title: 'Thân Thiện API', version: '1', description: 'API của phần mềm Chính quyền thân thiện' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'tt_session' } } },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The API description lists JSON routes (and /healthz) only; pages and feeds stay out of it.
  // Every route is also recorded in app.routeTable (tests compare it with /openapi.json).
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method, url: r.url, hidden: !!r.schema?.hide, guard: staffGuardOf(r.preHandler) });
    if (!r.url.startsWith('/api/') && !r.url.startsWith('/open311/') && r.url !== '/healthz') r.schema = { ...(r.schema ?? {}), hide: true };
  });

  registerSecurityHeaders(app);
  registerRequestContext(app);
  registerGuards(app);
  registerErrorHandling(app);
  registerEmptyQueryValues(app);
  registerOperations(app, rt.pool);
  await app.register(authRoutes);
  await app.register(homeRoutes);
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(userRoutes);
  for (const m of rt.modules) {
    if (m.routes) await app.register(async (scope) => { await m.routes!(scope); });
  }
  return app;
}
