import { Type, type Static, type TOptional, type TProperties, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * TypeBox pieces for page routes' `schema.querystring`: dates and numbers in a query string are
 * checked by the route's schema (400 `invalid_request` naming the parameter), never parsed by hand.
 * Unknown parameters are allowed (`?lang=`, tracking parameters added by messaging apps).
 *
 * @example app.get('/:unit/quay/dat-lich', { schema: { hide: true, querystring: query({ ngay: Q.day }) } }, …)
 */
export const Q = {
  /** A real calendar day `yyyy-mm-dd` (2026-02-30 and 2026-13-45 are refused). */
  day: Type.String({ format: 'date', maxLength: 10 }),
  /** `?trang=` page number. */
  page: Type.Integer({ minimum: 1, maximum: 100_000 }),
  /** A calendar year. */
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
  /** A short free text (search boxes, codes). */
  text: (maxLength = 200) => Type.String({ maxLength }),
} as const;

/**
 * `?da-luu=1`, `?moi=1`: a presence flag that our own redirect adds after a write, read by shared page
 * helpers (a notice "saved"). It carries no data to validate, so it is read without a route schema.
 */
export function queryFlag(req: FastifyRequest, name: string): boolean {
  const v = rawQueryParam(req, name);
  return typeof v === 'string' && v !== '';
}

/** A querystring schema whose every property is optional; other parameters pass through. */
export function query<P extends TProperties>(props: P) {
  const optional = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof P]: TOptional<P[K]> };
  return Type.Object(optional, { additionalProperties: true });
}

/** The typed query of a route declared with `schema.querystring: S`: `app.get<{ Querystring: QueryOf<typeof S> }>`. */
export type QueryOf<S extends TSchema> = Static<S>;

/** `?trang=` alone, for list pages. */
export const PAGED = query({ trang: Q.page });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `yyyy-mm-dd` (form fields; query strings use `Q.day`). */
export function isRealDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Route options with a querystring schema added (keeps `hide`, `preHandler`, `config`). */
export function withQuery<O extends object>(opts: O, querystring: TSchema): O {
  const schema = (opts as { schema?: Record<string, unknown> }).schema ?? {};
  return { ...opts, schema: { hide: true, ...schema, querystring } };
}

/**
 * An HTML form sends its empty fields as empty strings (`?q=&trang=&tu=`). On page routes a declared
 * query parameter that is `''` counts as absent: it is removed before the schema checks the query.
 * JSON API routes keep what the client sent.
 */
export function registerEmptyQueryValues(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const schema = req.routeOptions.schema as { hide?: boolean; querystring?: { properties?: Record<string, unknown> } } | undefined;
    const declared = schema?.hide ? schema.querystring?.properties : undefined;
    const q: unknown = req.query;
    if (!declared || !q || typeof q !== 'object') return;
    for (const key of Object.keys(declared)) if ((q as Record<string, unknown>)[key] === '') delete (q as Record<string, unknown>)[key];
  });
}

/**
 * One raw query parameter, for hooks that run before a route's schema (language, early errors) and
 * for routes whose parameters are open-ended (import column mapping). Routes read `req.query`, typed
 * by their `schema.querystring`.
 */
export function rawQueryParam(req: FastifyRequest, name: string): unknown {
  const q: unknown = req.query;
  return q && typeof q === 'object' && name in q ? (q as Record<string, unknown>)[name] : undefined;
}
