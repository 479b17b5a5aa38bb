import type {} from '@fastify/cookie';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
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

export const unitOf = (req: FastifyRequest) => {
  if (!req.unit) throw AppError.notFound();
  return req.unit;
};

export const inUnit = <T>(req: FastifyRequest, fn: (trx: Trx) => Promise<T>): Promise<T> =>
  withUnit<T, SurveyTables>(req.server.db, unitOf(req).id, fn);

export const langOf = (req: FastifyRequest): Lang => (req.lang === 'en' ? 'en' : 'vi');

export async function surveyById(trx: Trx, req: FastifyRequest, id: string): Promise<SurveyRow> {
  const s = await repo.getSurvey(trx, unitOf(req).id, id);
  if (!s) throw AppError.notFound('Không tìm thấy phiếu khảo sát.');
  return s;
}

/** A survey respondents may see: published or closed, never a draft. */
export async function publicSurvey(trx: Trx, req: FastifyRequest, slug: string): Promise<SurveyRow> {
  const s = await repo.getSurveyBySlug(trx, unitOf(req).id, slug);
  if (!s || s.status === 'draft') throw AppError.notFound('Không tìm thấy phiếu khảo sát.');
  return s;
}

const ONE_YEAR_S = 365 * 24 * 3600;

/** The signed device id of this browser, issuing a new cookie when there is none. */
export function deviceId(ctx: SurveyContext, req: FastifyRequest, reply: FastifyReply): string {
  const existing = readDeviceCookie(ctx.secret, req.cookies?.[DEVICE_COOKIE]);
  if (existing) return existing;
  const cookie = newDeviceCookie(ctx.secret);
  reply.setCookie(DEVICE_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, maxAge: ONE_YEAR_S });
  return readDeviceCookie(ctx.secret, cookie)!;
}

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
