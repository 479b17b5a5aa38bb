import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Phone one-time codes for surveys that allow one response per phone. */

export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
/** After verification the respondent has this long to submit the survey. */
export const OTP_SUBMIT_WINDOW_MS = 60 * 60 * 1000;

/** Vietnamese mobile number → "0xxxxxxxxx", or null. Accepts spaces, dots and +84. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0');
  return /^0[35789]\d{8}$/.test(digits) ? digits : null;
}

export const generateCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashCode = (secret: string, otpId: string, code: string): string =>
  createHmac('sha256', secret).update(`otp:${otpId}:${code}`).digest('hex');

export interface OtpState {
  id: string; codeHash: string; expiresAt: Date; attempts: number;
  verifiedAt: Date | null; usedAt: Date | null;
}

export type OtpCheck = 'ok' | 'expired' | 'wrong' | 'locked' | 'used';

/** Checks a typed code; the caller stores attempts + 1 on 'wrong'. */
export function checkOtp(secret: string, otp: OtpState, code: string, now: Date): OtpCheck {
  if (otp.usedAt || otp.verifiedAt) return 'used';
  if (otp.attempts >= OTP_MAX_ATTEMPTS) return 'locked';
  if (now.getTime() > otp.expiresAt.getTime()) return 'expired';
  const want = Buffer.from(otp.codeHash, 'hex');
  const got = Buffer.from(hashCode(secret, otp.id, code.trim()), 'hex');
  return want.length === got.length && timingSafeEqual(want, got) ? 'ok' : 'wrong';
}

/** A verified code may be spent on one response within the submit window. */
export function canSpend(otp: OtpState, now: Date): boolean {
  return !!otp.verifiedAt && !otp.usedAt && now.getTime() - otp.verifiedAt.getTime() <= OTP_SUBMIT_WINDOW_MS;
}

export const OTP_MESSAGES = {
  expired: 'surveys.error.code_expired',
  wrong: 'surveys.error.code_wrong',
  locked: 'surveys.error.code_locked',
  used: 'surveys.error.code_used',
  phone: 'surveys.error.mobile_format',
  already: 'surveys.error.phone_answered',
} as const;
