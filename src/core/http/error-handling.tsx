import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, isMessageKey } from '../errors.js';
import { wantsJson } from './request-context.js';
import { rawQueryParam } from './query.js';
import { PublicLayout } from '../../web/components/layout.js';
import { renderHtml } from '../../web/render.js';
import { pickLang, translator, type Translate } from '../i18n.js';
import { setSecurityHeaders } from './security-headers.js';

/**
 * PostgreSQL "data exception" codes caused by what a client sent (a value the column cannot hold):
 * answered 400, never 500. Keys are SQLSTATE codes, values i18n keys of the message.
 */
export const PG_DATA_ERRORS: Record<string, string> = {
  '22021': 'core.error.bad_characters', // character_not_in_repertoire (NUL byte, invalid UTF-8)
  '22P02': 'core.error.bad_format', // invalid_text_representation (e.g. "abc"::uuid)
  '22001': 'core.error.too_long', // string_data_right_truncation
  '22003': 'core.error.out_of_range', // numeric_value_out_of_range
  '22007': 'core.error.bad_date', // invalid_datetime_format
  '22008': 'core.error.bad_date', // datetime_field_overflow
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const DOWN_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error|Connection is closed|terminating connection|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True for an error that means "the database cannot be reached right now" (server down or
 * restarting, connection refused or cut, pool timeout), as opposed to a bad query: answered 503.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[]; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  if (typeof e.message === 'string' && DOWN_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export const DB_RETRY_AFTER_S = 5;

function toAppError(err: FastifyError | AppError): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new AppError(503, 'database_unavailable', 'core.error.db_unavailable');
  const e = err as FastifyError & { validation?: Array<{ instancePath?: string }>; validationContext?: string };
  if (e.validation) {
    if (e.validationContext === 'querystring') {
      // A query parameter of the address (a date, a page number): name it.
      const name = (e.validation[0]?.instancePath ?? '').replace(/^\//, '') || e.message.replace(/^querystring\/?/, '').split(' ')[0];
      return new AppError(400, 'invalid_request', 'core.error.invalid_query_param', e.validation, { name, detail: e.message });
    }
    return new AppError(400, 'invalid_request', 'core.error.invalid_request', e.validation, { detail: e.message });
  }
  const pgKey = typeof e.code === 'string' ? PG_DATA_ERRORS[e.code] : undefined;
  if (pgKey && 'severity' in e) return new AppError(400, 'invalid_data', pgKey);
  const status = e.statusCode ?? 500;
  if (status === 413) return AppError.tooLarge();
  if (status === 429) return AppError.tooMany();
  if (status === 415) return new AppError(415, 'unsupported_media_type', 'core.error.unsupported_media_type');
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e as any).name === 'SyntaxError') {
    return new AppError(400, 'invalid_json', 'core.error.invalid_json');
  }
  if (status >= 400 && status < 500) return new AppError(status, 'bad_request', 'core.error.bad_request');
  return new AppError(500, 'internal_error', 'core.error.internal');
}

/** The error with its message in the reader's language when the message is a key. */
function translated(e: AppError, t: Translate): AppError {
  if (!isMessageKey(e.message)) return e;
  const text = e.text(t);
  return text === e.message ? e : new AppError(e.status, e.code, text, e.details);
}

function ErrorPage({ req, e }: { req: FastifyRequest; e: AppError }) {
  const title = e.status === 404 ? req.t('core.not_found_title') : req.t('core.error_title');
  const home = req.unit ? `/${req.unit.slug}/` : '/';
  return (
    <PublicLayout req={req} o={{ title }}>
      <h1>{title}</h1>
      <p class="lead">{e.message}</p>
      <p><a href={home}>{req.t('core.back_home')}</a></p>
    </PublicLayout>
  );
}

function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.status === 503) reply.header('retry-after', String(DB_RETRY_AFTER_S));
  if (!req.t) req.t = earlyTranslator(req);
  const e = translated(error, req.t);
  if (wantsJson(req)) return reply.code(e.status).send(errorBody(e.code, e.message, e.details));
  return reply.html(<ErrorPage req={req} e={e} />, e.status);
}

/** The language of a request before the request-context hook has run (query, then cookie). */
function earlyTranslator(req: FastifyRequest): Translate {
  const cookie = /(?:^|;\s*)lang=(vi|en)\b/.exec(req.headers.cookie ?? '')?.[1];
  return translator(pickLang(rawQueryParam(req, 'lang'), cookie, undefined));
}

/** True when a string anywhere in a parsed query, params or body (keys included) holds a NUL byte. */
export function containsNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (v === null || typeof v !== 'object' || depth > 32) return false;
  if (ArrayBuffer.isView(v)) return false; // uploaded file bytes are data, not text
  if (Array.isArray(v)) return v.some((x) => containsNul(x, depth + 1));
  if ('fieldname' in v) {
    // A multipart part (attachFieldsToBody): its text value or its file name; never walk the part
    // itself (it references every other part and the file stream).
    const part = v as { type?: string; value?: unknown; filename?: unknown };
    return containsNul(part.type === 'file' ? part.filename : part.value, depth + 1);
  }
  for (const [k, x] of Object.entries(v)) if (k.includes('\u0000') || containsNul(x, depth + 1)) return true;
  return false;
}

export function registerErrorHandling(app: FastifyInstance): void {
  // PostgreSQL refuses NUL bytes in text (22021); refuse them at the door, in the error shape.
  // Query and params are checked first thing (the unit look-up reads params), the body once parsed.
  app.addHook('onRequest', async (req) => {
    if (containsNul(req.query) || containsNul(req.params)) throw new AppError(400, 'invalid_characters', 'core.error.nul');
  });
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.body)) throw new AppError(400, 'invalid_characters', 'core.error.nul');
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const e = toAppError(err);
    if (e.status === 503) req.log.warn({ code: (err as { code?: string }).code, msg: err.message }, 'database unavailable');
    else if (e.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: e.code, status: e.status }, e.message);
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, AppError.notFound()));
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a URL that does not decode,
 * an over-long parameter). The request has none of our decorations and no hooks ran, so the
 * answer is built here: the one JSON error shape, or the HTML error page for browsers.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const t = translator('vi');
  const e = translated(err.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? new AppError(414, 'uri_too_long', 'core.error.url_too_long')
    : err.code === 'FST_ERR_BAD_URL'
      ? new AppError(400, 'bad_url', 'core.error.bad_url')
      : new AppError(500, 'internal_error', 'core.error.internal'), t);
  if (e.status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: e.code, status: e.status }, e.message);
  reply.code(e.status).header('cache-control', 'no-store');
  setSecurityHeaders(reply);
  if (wantsJson(req)) { void reply.send(errorBody(e.code, e.message)); return; }
  const r = req as FastifyRequest & Record<string, unknown>;
  Object.assign(r, { t, lang: 'vi', unit: null, staff: null, csrfToken: () => '' });
  void reply.header('content-type', 'text/html; charset=utf-8').send(renderHtml(<ErrorPage req={req} e={e} />));
}
