/**
 * An error with an HTTP status and a message for the user. The message is an i18n key
 * (`feedback.error.too_long`, with `params`) that the error handler translates into the reader's
 * language, so `?lang=en` gets English errors; a plain sentence (Vietnamese) is sent as it is.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
    /** Values of the `{name}` placeholders of a message key; a `{ key }` value is itself translated. */
    public readonly params?: MessageParams,
  ) {
    super(message);
  }
  /** The same error with values for the placeholders of its message key: `AppError.conflict('m.error.x').with({ year })`. */
  with(params: MessageParams): AppError {
    return new AppError(this.status, this.code, this.message, this.details, params);
  }
  /** The message in the reader's language: a key translated with `t`, a sentence as it is. */
  text(t: (key: string, params?: Record<string, string | number>) => string): string {
    if (!isMessageKey(this.message)) return this.message;
    return t(this.message, resolveParams(this.params, t));
  }
  static badRequest(message: string, details?: unknown) { return new AppError(400, 'bad_request', message, details); }
  static unauthorized(message = 'core.error.unauthorized') { return new AppError(401, 'unauthorized', message); }
  static forbidden(message = 'core.error.forbidden') { return new AppError(403, 'forbidden', message); }
  static notFound(message = 'core.error.not_found') { return new AppError(404, 'not_found', message); }
  static conflict(message: string, details?: unknown) { return new AppError(409, 'conflict', message, details); }
  static tooLarge(message = 'core.error.too_large') { return new AppError(413, 'payload_too_large', message); }
  static unprocessable(message: string, details?: unknown) { return new AppError(422, 'validation_failed', message, details); }
  static tooMany(message = 'core.error.too_many') { return new AppError(429, 'rate_limited', message); }
}

/**
 * A placeholder value: a text or number as it is; `{ key }`, a message key translated in the reader's
 * language; or `{ vi, en }`, a text given in both languages (a holiday's name from the calendar).
 */
export type MessageParam = string | number | { key: string } | { vi: string; en: string };
export type MessageParams = Record<string, MessageParam>;

function resolveParams(params: MessageParams | undefined, t: (key: string) => string): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const pick = (v: MessageParam): string | number => {
    if (typeof v !== 'object') return v;
    if ('key' in v) return t(v.key);
    return t('core.lang') === 'en' ? v.en : v.vi;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, pick(v)]));
}

/** A message key: dotted lower-case words (`core.error.not_found`), never a sentence. */
export const isMessageKey = (message: string): boolean => /^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_]+)+$/.test(message);

export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody =>
  ({ error: details === undefined ? { code, message } : { code, message, details } });
