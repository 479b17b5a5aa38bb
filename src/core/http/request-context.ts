import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { pickLang, translator } from '../i18n.js';
import { AppError } from '../errors.js';
import { SESSION_COOKIE, sessionPrincipal } from '../auth/sessions.js';
import { tokenPrincipal } from '../auth/tokens.js';
import { randomToken, safeEqual } from '../auth/crypto.js';
import { csrfFieldOf } from './forms.js';
import { rawQueryParam } from './query.js';
import type { UnitInfo } from '../types.js';
import { renderHtml } from '../../web/render.js';
import { navFor, staffNavFor } from '../navigation.js';

export const CSRF_COOKIE = 'tt_csrf';
const UNIT_ROUTE = /^\/(?::unit(?:\/|$)|api\/v1\/units\/:unit(?:\/|$)|quan-tri\/:unit(?:\/|$)|open311\/v2\/:unit(?:\/|$))/;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unitCache = new Map<string, { at: number; unit: UnitInfo | null }>();

export async function findUnitBySlug(app: FastifyInstance, slug: string): Promise<UnitInfo | null> {
  const hit = unitCache.get(slug);
  if (hit && Date.now() - hit.at < 10_000) return hit.unit;
  const { rows } = await sql<UnitInfo>`select id, code, slug, name, name_en, type, parent_id, address, phone, hotline, email, website, settings
    from units where slug = ${slug}`.execute(app.db);
  const unit = rows[0] ?? null;
  unitCache.set(slug, { at: Date.now(), unit });
  return unit;
}

export function forgetUnitCache(): void { unitCache.clear(); }

export const wantsJson = (req: FastifyRequest) =>
  req.url.startsWith('/api/') || req.url.startsWith('/open311/') || req.url === '/healthz' ||
  (!!req.headers.accept?.includes('application/json') && !req.headers.accept.includes('text/html'));

/** Language, principal (session or bearer token), unit of the route, CSRF. */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('unit', null);
  app.decorateRequest('staff', null);
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('t', null as any);
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    if (this.staff?.csrfToken) return this.staff.csrfToken;
    let token = this.cookies[CSRF_COOKIE];
    if (!token || !/^[\w-]{20,64}$/.test(token)) {
      token = randomToken(24);
      this.cookies[CSRF_COOKIE] = token;
      (this as any).newCsrfCookie = token;
    }
    return token;
  });
  // The layouts in src/web read navigation through the request (web imports nothing from core).
  app.decorateRequest('publicNav', function (this: FastifyRequest) { return navFor(this); });
  app.decorateRequest('staffNav', function (this: FastifyRequest) { return staffNavFor(this); });
  app.decorateReply('html', function (this: FastifyReply, node, status = 200) {
    const req = this.request as FastifyRequest & { newCsrfCookie?: string };
    const html = renderHtml(node);
    if (req.newCsrfCookie) {
      this.setCookie(CSRF_COOKIE, req.newCsrfCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies });
    }
    return this.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.addHook('onRequest', async (req, reply) => {
    const lang = rawQueryParam(req, 'lang');
    req.lang = pickLang(lang, req.cookies.lang, req.headers['accept-language']);
    if (lang === 'vi' || lang === 'en') reply.setCookie('lang', req.lang, { path: '/', sameSite: 'lax', maxAge: 31536000 });
    req.t = translator(req.lang);

    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.staff = await tokenPrincipal(app.db, auth.slice(7).trim());
      if (!req.staff) throw new AppError(401, 'invalid_token', 'core.error.bad_token');
    } else if (req.cookies[SESSION_COOKIE]) {
      req.staff = await sessionPrincipal(app.db, req.cookies[SESSION_COOKIE]!);
    }

    const pattern = req.routeOptions.url ?? '';
    if (UNIT_ROUTE.test(pattern)) {
      const slug = (req.params as Record<string, string>).unit;
      req.unit = slug ? await findUnitBySlug(app, slug) : null;
      if (!req.unit) throw AppError.notFound('core.error.unit_not_found');
    }
  });

  app.addHook('preHandler', async (req) => {
    // Bearer-token calls carry no ambient authority; a route may opt out (e.g. Open311 posts with api_key).
    if (!UNSAFE.has(req.method) || req.staff?.kind === 'token' || (req.routeOptions.config as any)?.skipCsrf) return;
    const type = req.headers['content-type'] ?? '';
    const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
    if (isForm) {
      const expected = req.staff?.csrfToken ?? req.cookies[CSRF_COOKIE];
      const got = csrfFieldOf(req.body);
      if (!expected || !got || !safeEqual(expected, got)) throw new AppError(403, 'csrf', 'core.error.form_expired');
    } else if (req.staff?.kind === 'session') {
      const got = req.headers['x-csrf-token'];
      if (typeof got !== 'string' || !safeEqual(req.staff.csrfToken ?? '', got)) {
        throw new AppError(403, 'csrf', 'core.error.bad_csrf');
      }
    }
  });
}
