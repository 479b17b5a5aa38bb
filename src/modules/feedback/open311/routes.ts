/**
 * Open311 GeoReport v2 under /open311/v2/:unit/ — discovery, services, service definitions,
 * requests (GET with filters, POST with api_key = a core API token of the unit) and one request.
 * Errors in the spec's format: an array of { code, description } (XML: <errors><error>).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rolesIn } from '../../../core/auth/principal.js';
import { tokenPrincipal } from '../../../core/auth/tokens.js';
import { AppError } from '../../../core/errors.js';
import { rawQueryParam, type QueryOf } from '../../../core/http/query.js';
import { Type } from '@sinclair/typebox';
import { withUnit } from '../../../core/tenancy.js';
import { CATEGORY_CODES, DEFAULT_CATEGORY_RULES, isCategoryCode } from '../categories.js';
import { statusUrl, type FeedbackContext } from '../context.js';
import { submitFeedback } from '../intake.js';
import { asFeedbackTrx } from '../types.js';
import { validateSubmission } from '../validate.js';
import { parseRequestFilters } from './filters.js';
import { discovery, discoveryXml, errorsXml, postResponseXml, requestsXml, serviceDefinition, serviceDefinitionXml, servicesXml, type Open311Service } from './format.js';
import { findRequests, toOpen311 } from './repo.js';

type Format = 'json' | 'xml';
const formatOf = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');
const splitFile = (file: string): { id: string; format: Format } | null => {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { id: m[1], format: m[2] as Format } : null;
};

function send(reply: FastifyReply, format: Format, json: unknown, xml: () => string, status = 200) {
  if (format === 'xml') return reply.code(status).header('content-type', 'text/xml; charset=utf-8').send(xml());
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(json));
}

function services(req: FastifyRequest): Open311Service[] {
  return CATEGORY_CODES.filter((c) => !DEFAULT_CATEGORY_RULES[c].sensitive).map((c) => ({
    service_code: c, service_name: req.t(`feedback.category.${c}`), description: req.t(`feedback.category.${c}`),
    metadata: false, type: 'realtime', keywords: c, group: DEFAULT_CATEGORY_RULES[c].open311Group,
  }));
}

/** An Open311 error; `key` is a message key. */
/** GET requests.json (GeoReport v2): comma lists and dates, checked by `parseRequestFilters` (Open311 error shape). */
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const RequestsQuery = Type.Object({
  service_request_id: text(2000), service_code: text(500), status: text(50), start_date: text(40), end_date: text(40),
}, { additionalProperties: true });

const open311Error = (status: number, key: string) => new AppError(status, 'open311', key);
const field = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : undefined;
};

export async function open311Routes(app: FastifyInstance, ctx: FeedbackContext): Promise<void> {
  app.setErrorHandler((err: Error & { statusCode?: number; status?: number }, req, reply) => {
    const status = err instanceof AppError ? err.status : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'open311 error');
    const description = status >= 500 ? req.t('feedback.open311.server_error') : err instanceof AppError ? err.text(req.t) : err.message;
    const errors = [{ code: status, description }];
    return send(reply, formatOf(req.url), errors, () => errorsXml(errors), status);
  });

  // api_key is a core API token; checked before the core's CSRF guard (preHandler) so that
  // form-encoded posts from Open311 clients are accepted as token calls.
  const requireKey = async (req: FastifyRequest) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    // A preValidation hook: the query is not checked yet, read the raw parameter.
    const fromQuery = rawQueryParam(req, 'api_key');
    const key = field(body, 'api_key') ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
    if (!key) throw open311Error(403, 'feedback.open311.no_key');
    const p = await tokenPrincipal(app.db, key);
    if (!p || rolesIn(p, req.unit!.id).length === 0) throw open311Error(403, 'feedback.open311.bad_key');
    req.staff = p;
  };

  const root = '/open311/v2/:unit';
  const baseUrl = (req: FastifyRequest) => `${app.config.publicUrl}/open311/v2/${req.unit!.slug}/`;
  for (const fmt of ['json', 'xml'] as const) {
    app.get(`${root}/discovery.${fmt}`, async (req, reply) => {
      const d = discovery(baseUrl(req), req.unit!.email ?? req.unit!.phone ?? req.unit!.name);
      return send(reply, fmt, d, () => discoveryXml(d));
    });
    app.get(`${root}/services.${fmt}`, async (req, reply) => send(reply, fmt, services(req), () => servicesXml(services(req))));
    app.get<{ Querystring: QueryOf<typeof RequestsQuery> }>(`${root}/requests.${fmt}`, { schema: { querystring: RequestsQuery } }, async (req, reply) => {
      const parsed = parseRequestFilters(req.query, new Date());
      if (!parsed.ok) throw open311Error(400, parsed.description);
      const names = Object.fromEntries(services(req).map((s) => [s.service_code, s.service_name]));
      const rows = await withUnit(app.db, req.unit!.id, (raw) => findRequests(asFeedbackTrx(raw), parsed.filters));
      const out = rows.map((r) => toOpen311(r, names[r.category] ?? r.category, req.unit!.name));
      return send(reply, fmt, out, () => requestsXml(out));
    });
    app.post(`${root}/requests.${fmt}`, { preValidation: requireKey, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const code = field(body, 'service_code');
      if (!isCategoryCode(code) || DEFAULT_CATEGORY_RULES[code].sensitive) throw open311Error(404, 'feedback.open311.no_service');
      const lat = field(body, 'lat');
      const lng = field(body, 'long');
      const address = field(body, 'address_string');
      if (!(lat && lng) && !address) throw open311Error(400, 'feedback.open311.no_place');
      const name = [field(body, 'first_name'), field(body, 'last_name')].filter(Boolean).join(' ') || undefined;
      const v = validateSubmission({ category: code, content: field(body, 'description'), name, phone: field(body, 'phone'), email: field(body, 'email'), lat, lng, address });
      if (!v.ok) throw open311Error(400, 'feedback.open311.invalid').with({ problems: Object.values(v.errors).map((k) => req.t(k!)).join(' ') });
      // Double submits: the same text from the same api_key within 2 minutes, or the same
      // Idempotency-Key header within 24 h, returns the first request's id (200 instead of 201).
      const key = (req.headers['idempotency-key'] as string | undefined)?.slice(0, 100) || null;
      const r = await submitFeedback(app.db, ctx.deadlineRules, req.unit!.id, v.value, { channel: 'open311', clientKey: `open311:${req.staff!.username}`, idempotencyKey: key ? `open311:${req.staff!.username}:${key}` : null });
      const out = [{ service_request_id: r.code, service_notice: statusUrl(app, req.unit!.slug, r.code), account_id: field(body, 'account_id') ?? null }];
      return send(reply, fmt, out, () => postResponseXml(out), r.created ? 201 : 200);
    });
  }
  app.get<{ Params: { unit: string; file: string } }>(`${root}/services/:file`, async (req, reply) => {
    const f = splitFile(req.params.file);
    if (!f) throw open311Error(404, 'feedback.open311.not_found');
    if (!services(req).some((s) => s.service_code === f.id)) throw open311Error(404, 'feedback.open311.no_service');
    return send(reply, f.format, serviceDefinition(f.id), () => serviceDefinitionXml(f.id));
  });
  app.get<{ Params: { unit: string; file: string } }>(`${root}/requests/:file`, async (req, reply) => {
    const f = splitFile(req.params.file);
    if (!f) throw open311Error(404, 'feedback.open311.not_found');
    const names = Object.fromEntries(services(req).map((s) => [s.service_code, s.service_name]));
    const rows = await withUnit(app.db, req.unit!.id, (raw) => findRequests(asFeedbackTrx(raw), { ids: [f.id.toUpperCase()], serviceCodes: null, start: new Date(0), end: new Date(), statuses: null, limit: 1 }));
    if (!rows.length) throw open311Error(404, 'feedback.open311.no_request');
    const out = rows.map((r) => toOpen311(r, names[r.category] ?? r.category, req.unit!.name));
    return send(reply, f.format, out, () => requestsXml(out));
  });
}
