import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/core/module.js';
import type { RouteEntry } from '../../src/core/types.js';

/** Routes that stream forever (Server-Sent Events) or wait for news: never requested by the matrix or the fuzzer. */
export const STREAMING = new Set(['GET /api/v1/units/:unit/queue/stream']);

/**
 * The JSON API routes a citizen (or a device, or a partner system) uses without a staff login. Every other
 * `/api/v1/...` route and every `/quan-tri...` route must declare a staff guard (`app.requireStaff`).
 */
export const PUBLIC_API = new Set([
  'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/me', // checks the session itself
  'POST /api/v1/units/:unit/assistant/ask', 'POST /api/v1/units/:unit/assistant/questions/:id/rating',
  'GET /api/v1/calendar/due', 'GET /api/v1/calendar/holidays',
  'GET /api/v1/units/:unit/procedures', 'GET /api/v1/units/:unit/procedures/:id', 'GET /api/v1/units/:unit/procedures/:id/payment-qr',
  'GET /api/v1/units/:unit/queue/services', 'GET /api/v1/units/:unit/queue/counters', 'GET /api/v1/units/:unit/queue/state',
  'POST /api/v1/units/:unit/queue/tickets', 'POST /api/v1/units/:unit/ratings', 'GET /api/v1/units/:unit/queue/tickets/:id/escpos',
  'POST /api/v1/units/:unit/queue/bookings', 'POST /api/v1/units/:unit/queue/bookings/cancel', 'GET /api/v1/units/:unit/queue/stream',
  'GET /api/v1/units/:unit/polls', 'POST /api/v1/polls/:id/codes', 'POST /api/v1/polls/:id/votes',
  'GET /api/v1/dossiers/:code', 'GET /api/v1/units/:unit/dossiers/stats',
  'GET /api/v1/units/:unit/feedback/categories', 'POST /api/v1/units/:unit/feedback', 'GET /api/v1/feedback/:code',
  'POST /api/v1/units/:unit/feedback/inbound/:channel', 'GET /api/v1/units/:unit/feedback/inbound/facebook', // signed webhooks
  'GET /api/v1/units/:unit/scorecard', 'GET /api/v1/units/:unit/rubric', 'GET /api/v1/scorecards',
  'GET /api/v1/units/:unit/surveys', 'GET /api/v1/units/:unit/surveys/:slug', 'GET /api/v1/units/:unit/surveys/:slug/session',
  'POST /api/v1/units/:unit/surveys/:slug/responses', 'GET /api/v1/units/:unit/surveys-index',
  'GET /api/v1/units/:unit/directory', 'GET /api/v1/units/:unit/calendar', 'GET /api/v1/units/:unit/calendar.ics',
  'GET /api/v1/units/:unit/reception', 'GET /api/v1/units/:unit/reception.ics',
  'GET /api/v1/units/:unit/disclosures', 'GET /api/v1/units/:unit/stats/online',
]);

export const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Every route once (no HEAD/OPTIONS twins). */
export function routesOf(app: FastifyInstance): RouteEntry[] {
  const seen = new Set<string>();
  return app.routeTable.filter((r) => {
    if (r.method === 'HEAD' || r.method === 'OPTIONS' || seen.has(key(r))) return false;
    seen.add(key(r));
    return true;
  });
}

export const isStaffArea = (url: string) => url === '/quan-tri' || url.startsWith('/quan-tri/') || url.startsWith('/api/v1/');

/** Fills a route pattern's parameters: the unit slug given, plausible values for the rest. */
export function fillPath(url: string, unitSlug: string, values: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'unit') return unitSlug;
    // A lone surrogate cannot be percent-encoded as UTF-8: send its replacement character instead.
    if (values[name] !== undefined) return encodeURIComponent(values[name].replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
    if (name === 'year') return '2026';
    if (name === 'number' || name === 'counter' || name === 'qid' || name === 'sid') return '1';
    if (name === 'id' || name === 'batch' || name === 'import' || name === 'item' || name === 'attachment' || name === 'photo') {
      return '00000000-0000-4000-8000-000000000000';
    }
    if (name === 'code') return 'KHONGCO0000';
    return 'khong-co';
  });
}

/** A principal of the matrix: the roles it holds in its own unit; a city role reads its children. */
export interface MatrixPrincipal { name: string; unitSlug: string; roles: Role[] }

/** The roles a principal holds in a unit (the model the app's rolesIn must agree with). */
export function heldIn(p: MatrixPrincipal, unitSlug: string, parentOf: Record<string, string | null>): Role[] {
  if (p.unitSlug === unitSlug) return p.roles;
  if (p.roles.includes('city')) {
    for (let u: string | null = parentOf[unitSlug] ?? null; u; u = parentOf[u] ?? null) if (u === p.unitSlug) return ['viewer', 'city'];
  }
  return [];
}

/** Whether a route's declared guard lets the principal in, for a route of `unitSlug`. */
export function allowedBy(guard: NonNullable<RouteEntry['guard']>, held: Role[]): boolean {
  if (!held.length) return false;
  if (guard.roles === 'any') return true;
  return held.includes('admin') || guard.roles.some((r) => held.includes(r));
}
