import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { deriveSecret } from '../../../core/secrets.js';

/**
 * CCCD numbers at rest: AES-256-GCM with a key derived from the installation secret
 * (`$DATA_DIR/run/secret.key`, purpose "community.cccd"), plus an HMAC for finding duplicates
 * without decrypting. Stored text: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export interface CccdKeys { enc: Buffer; mac: Buffer }

export function cccdKeys(dataDir: string): CccdKeys {
  const base = deriveSecret(dataDir, 'community.cccd');
  return { enc: createHash('sha256').update(`enc:${base}`).digest(), mac: createHash('sha256').update(`mac:${base}`).digest() };
}

export function encryptCccd(keys: CccdKeys, number: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keys.enc, iv);
  const ct = Buffer.concat([c.update(number, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The number, or null when the text was not made with these keys (or was altered). */
export function decryptCccd(keys: CccdKeys, stored: string): string | null {
  const [v, iv, tag, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || !ct) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', keys.enc, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const cccdHmac = (keys: CccdKeys, number: string): string =>
  createHmac('sha256', keys.mac).update(number).digest('base64url');

/** "031090123456" → "031*******56": province code and last two digits only. */
export function maskCccd(number: string | null): string {
  if (!number) return '';
  if (number.length < 6) return '*'.repeat(number.length);
  return `${number.slice(0, 3)}${'*'.repeat(number.length - 5)}${number.slice(-2)}`;
}

export const isCccdNumber = (s: string): boolean => /^\d{12}$/.test(s);
