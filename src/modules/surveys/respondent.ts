import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One-response-per-person keys. Answers never carry who answered: the rule only keeps an
 * HMAC of (survey, device id) or (survey, phone) in its own table, unlinked to the response.
 */

const mac = (secret: string, text: string): string => createHmac('sha256', secret).update(text).digest('base64url');

export const DEVICE_COOKIE = 'tt_khao_sat';

/** A fresh signed random device id: "<random>.<signature>". */
export function newDeviceCookie(secret: string): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${mac(secret, `device:${id}`)}`;
}

/** The device id when the cookie's signature is ours, else null. */
export function readDeviceCookie(secret: string, cookie: string | undefined): string | null {
  if (!cookie) return null;
  const [id, sig, extra] = cookie.split('.');
  if (!id || !sig || extra !== undefined) return null;
  const want = Buffer.from(mac(secret, `device:${id}`));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

/** The stored key for a survey's rule; cannot be reversed to the device or the phone. */
export const respondentKey = (secret: string, surveyId: string, kind: 'device' | 'phone', value: string): string =>
  mac(secret, `respondent:${surveyId}:${kind}:${value}`);
