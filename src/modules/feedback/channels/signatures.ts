/**
 * Platform signatures of the Facebook and Zalo webhooks, and the Facebook subscription handshake.
 * Configured per installation through the environment (like the outbound adapters):
 *   FEEDBACK_FACEBOOK_VERIFY_TOKEN  token typed in the Meta app's webhook settings (GET handshake)
 *   FEEDBACK_FACEBOOK_APP_SECRET    app secret: `X-Hub-Signature-256` is then required and checked
 *   FEEDBACK_ZALO_OA_SECRET         OA secret key: `X-ZEvent-Signature` is then required and checked
 *   FEEDBACK_ZALO_APP_ID            app id used in the Zalo signature (else the payload's `app_id`)
 */
import { createHash, createHmac } from 'node:crypto';
import { safeEqual } from '../../../core/auth/crypto.js';

export interface WebhookSettings {
  facebookVerifyToken: string | null;
  facebookAppSecret: string | null;
  zaloAppId: string | null;
  zaloOaSecret: string | null;
}

const val = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  return {
    facebookVerifyToken: val(env.FEEDBACK_FACEBOOK_VERIFY_TOKEN),
    facebookAppSecret: val(env.FEEDBACK_FACEBOOK_APP_SECRET),
    zaloAppId: val(env.FEEDBACK_ZALO_APP_ID),
    zaloOaSecret: val(env.FEEDBACK_ZALO_OA_SECRET),
  };
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`. */
export function facebookSignature(appSecret: string, raw: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function facebookSignatureOk(appSecret: string, raw: Buffer | undefined, header: string | undefined): boolean {
  if (!raw || !header) return false;
  return safeEqual(facebookSignature(appSecret, raw).toLowerCase(), header.trim().toLowerCase());
}

/**
 * Zalo OA: `X-ZEvent-Signature: mac=<hex sha256(appId + raw body + timestamp + OA secret key)>`,
 * `timestamp` being the payload's own field (milliseconds, as a string).
 */
export function zaloSignature(appId: string, raw: Buffer, timestamp: string, oaSecret: string): string {
  return `mac=${createHash('sha256').update(appId).update(raw).update(timestamp).update(oaSecret).digest('hex')}`;
}

export function zaloSignatureOk(s: { appId: string | null; oaSecret: string }, raw: Buffer | undefined, body: unknown, header: string | undefined): boolean {
  if (!raw || !header || typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  const appId = s.appId ?? (typeof b.app_id === 'string' || typeof b.app_id === 'number' ? String(b.app_id) : null);
  const timestamp = typeof b.timestamp === 'string' || typeof b.timestamp === 'number' ? String(b.timestamp) : null;
  if (!appId || !timestamp) return false;
  const given = header.trim().toLowerCase();
  const mac = given.startsWith('mac=') ? given : `mac=${given}`;
  return safeEqual(zaloSignature(appId, raw, timestamp, s.oaSecret), mac);
}
