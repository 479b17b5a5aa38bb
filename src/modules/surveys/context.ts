import type {} from '@fastify/cookie';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { unitOf } from '../../core/http/forms.js';
import { deriveSecret } from '../../core/secrets.js';
import { withUnit } from '../../core/tenancy.js';
import * as repo from './repo.js';
import type { SurveyRow, SurveyTables, Trx } from './repo.js';
import { DEVICE_COOKIE, newDeviceCookie, readDeviceCookie } from './respondent.js';
import type { Lang } from './types.js';

/** Per-app secrets and small request helpers shared by the survey routes. */
export interface SurveyContext { secret: string; secureCookies: boolean }

export function surveyContext(app: FastifyInstance): SurveyContext {
  return { secret: deriveSecret(app.config.dataDir, 'surveys'), secureCookies: app.config.secureCookies };
}

export const inUnit = <T>(req: FastifyRequest, fn: (trx: Trx) => Promise<T>): Promise<T> =>
  withUnit<T, SurveyTables>(req.server.db, unitOf(req).id, fn);

export const langOf = (req: FastifyRequest): Lang => (req.lang === 'en' ? 'en' : 'vi');

export async function surveyById(trx: Trx, req: FastifyRequest, id: string): Promise<SurveyRow> {
  const s = await repo.getSurvey(trx, unitOf(req).id, id);
  if (!s) throw AppError.notFound('surveys.error.survey_not_found');
  return s;
}

/** A survey respondents may see: published or closed, never a draft. */
export async function publicSurvey(trx: Trx, req: FastifyRequest, slug: string): Promise<SurveyRow> {
  const s = await repo.getSurveyBySlug(trx, unitOf(req).id, slug);
  if (!s || s.status === 'draft') throw AppError.notFound('surveys.error.survey_not_found');
  return s;
}

const ONE_YEAR_S = 365 * 24 * 3600;

/** The device id of this browser's signed cookie, or null (no cookie, or not signed by us). */
export const existingDeviceId = (ctx: SurveyContext, req: FastifyRequest): string | null =>
  readDeviceCookie(ctx.secret, req.cookies?.[DEVICE_COOKIE]);

/** Sets a fresh signed device cookie on the reply and returns its id. */
export function issueDeviceCookie(ctx: SurveyContext, reply: FastifyReply): string {
  const cookie = newDeviceCookie(ctx.secret);
  reply.setCookie(DEVICE_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, maxAge: ONE_YEAR_S });
  return readDeviceCookie(ctx.secret, cookie)!;
}

/**
 * The signed device id of this browser, issuing a new cookie when there is none. Only for
 * opening a form (or `GET …/session`): a submission must bring the cookie it was given then,
 * never get a fresh one, or a script without cookies would answer as a new device every time.
 */
export const deviceId = (ctx: SurveyContext, req: FastifyRequest, reply: FastifyReply): string =>
  existingDeviceId(ctx, req) ?? issueDeviceCookie(ctx, reply);

/** A bearer token (the ward's app, an integration) allowed in this request's unit. */
export const isAppToken = (req: FastifyRequest): boolean =>
  req.staff?.kind === 'token' && !!req.unit && req.staff.unitIds.includes(req.unit.id);

const sign = (ctx: SurveyContext, text: string) => createHmac('sha256', ctx.secret).update(text).digest('base64url');

function verify(ctx: SurveyContext, text: string, sig: string): boolean {
  const a = Buffer.from(sign(ctx, text));
  const b = Buffer.from(sig);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Token carried by the form after a phone was verified: "<otp id>.<signature>". */
export const verificationToken = (ctx: SurveyContext, otpId: string) => `${otpId}.${sign(ctx, `verified:${otpId}`)}`;

export function readVerificationToken(ctx: SurveyContext, token: unknown): string | null {
  if (typeof token !== 'string') return null;
  const [id, sig] = token.split('.');
  return id && sig && verify(ctx, `verified:${id}`, sig) ? id : null;
}

export const KIOSK_COOKIE = 'tt_kiosk';

/** Staff turn a tablet into a centre kiosk; only then is the one-per-device rule waived there. */
export function setKioskCookie(ctx: SurveyContext, reply: FastifyReply, unitId: string): void {
  reply.setCookie(KIOSK_COOKIE, sign(ctx, `kiosk:${unitId}`), { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, maxAge: ONE_YEAR_S });
}

export const isKioskDevice = (ctx: SurveyContext, req: FastifyRequest, unitId: string): boolean => {
  const c = req.cookies?.[KIOSK_COOKIE];
  return !!c && verify(ctx, `kiosk:${unitId}`, c);
};

export const bodyOf = (req: FastifyRequest): Record<string, unknown> =>
  (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
