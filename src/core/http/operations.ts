import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import client from 'prom-client';
import type pg from 'pg';
import { assetUrl, findAsset } from '../../web/assets.js';
import { AppError } from '../errors.js';
import { Type } from '@sinclair/typebox';

/** /healthz answers 503 when the database has not answered `select 1` within this time. */
export const HEALTH_TIMEOUT_MS = 3000;

/** /healthz, /metrics and hashed static files. */
export function registerOperations(app: FastifyInstance, pool: pg.Pool): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  new client.Gauge({
    name: 'db_pool_connections', help: 'Database pool connections by state', labelNames: ['state'], registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe({ method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const Health = Type.Object({ status: Type.String({ enum: ['ok', 'error'] }), db: Type.String({ enum: ['ok', 'unreachable'] }) });
  app.get('/healthz', {
    schema: { tags: ['ops'], summary: 'Tình trạng hoạt động: 200 khi cơ sở dữ liệu trả lời, 503 khi không', response: { 200: Health, 503: Health } },
  }, async (_req, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      // A database that accepts connections but never answers must not hang the probe.
      await Promise.race([
        sql`select 1`.execute(app.db),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS); }),
      ]);
      return { status: 'ok', db: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'error', db: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
  app.get<{ Params: { '*': string } }>('/static/*', { schema: { hide: true } }, async (req, reply) => {
    const asset = findAsset(req.params['*']);
    if (!asset) throw AppError.notFound();
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });
  // Browsers that ignore <link rel="icon"> ask for /favicon.ico: send them the SVG icon.
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.redirect(assetUrl('favicon.svg'), 301));
}
