import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short signed tokens printed as QR codes on tickets and reception slips.
 *
 *   t<22 chars: ticket uuid, base64url>.<16 chars: HMAC-SHA256 truncated to 96 bits>
 *   r<22 chars: random 128-bit nonce>.<16 chars: HMAC>
 *   b<22 chars: booking uuid>.<16 chars: HMAC>   (the citizen's link to cancel a booking)
 *
 * A token proves the server issued it; single use is enforced by the database
 * (one rating per ticket id / per reception nonce).
 */
export type TokenKind = 't' | 'r' | 'b';
export interface TokenPayload { kind: TokenKind; id: string }

const uuidToB64 = (uuid: string): string => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
const b64ToUuid = (b64: string): string => {
  const h = Buffer.from(b64, 'base64url').toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (secret: Buffer, body: string): string =>
  createHmac('sha256', secret).update(body).digest().subarray(0, 12).toString('base64url');

/** `signToken(secret, { kind: 't', id: ticketId })` → `tAZNb…Q.x3…` */
export function signToken(secret: Buffer, p: TokenPayload): string {
  const body = p.kind + uuidToB64(p.id);
  return `${body}.${mac(secret, body)}`;
}

/** A fresh reception-session token around a random nonce (rendered as a uuid string). */
export function newReceptionToken(secret: Buffer): { token: string; nonce: string } {
  const nonce = b64ToUuid(randomBytes(16).toString('base64url'));
  return { token: signToken(secret, { kind: 'r', id: nonce }), nonce };
}

/** The payload of a genuine token, or null for anything forged, truncated or malformed. */
export function verifyToken(secret: Buffer, token: string): TokenPayload | null {
  const m = /^([trb])([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(secret, m[1] + m[2]));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { kind: m[1] as TokenKind, id: b64ToUuid(m[2]) };
}
