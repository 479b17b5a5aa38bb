import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import { getSettings } from './repo/settings-repo.js';
import type { Trx } from './repo/types.js';
import { requireCounter } from './queue-service.js';

/**
 * Rating devices (a tablet or phone standing at a counter). Staff pair a device with one
 * counter; the device then carries an httpOnly cookie `<device id>.<HMAC>` signed with the unit's
 * centre secret. Ratings "by counter" (page and API) are accepted only from a paired, not revoked
 * device of that counter — anyone else would be rating someone else's service.
 */
export const DEVICE_COOKIE = 'tt_thiet_bi_danh_gia';
/** A pairing link for another device is valid this long and once. */
export const PAIR_CODE_TTL_MIN = 10;
export const DEVICE_COOKIE_MAX_AGE_S = 2 * 365 * 24 * 3600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mac = (secret: Buffer, id: string) => createHmac('sha256', secret).update(`device:${id}`).digest().subarray(0, 18).toString('base64url');
const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

export const deviceCookieValue = (secret: Buffer, deviceId: string) => `${deviceId}.${mac(secret, deviceId)}`;

/** The device id a cookie proves, or null for a missing, malformed or forged cookie. */
export function readDeviceCookie(secret: Buffer, value: string | undefined): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{24})$/.exec(value ?? '');
  if (!m || !UUID.test(m[1])) return null;
  const a = Buffer.from(mac(secret, m[1]));
  const b = Buffer.from(m[2]);
  return a.length === b.length && timingSafeEqual(a, b) ? m[1] : null;
}

export interface DeviceRow {
  id: string; counter_number: number; paired_at: Date | null; revoked_at: Date | null;
  last_seen_at: Date | null; pair_expires_at: Date | null; created_at: Date;
}

/** Pairs the browser making the request with a counter; returns the new device id and its cookie. */
export async function pairDevice(trx: Trx, unitId: string, counter: number | string, createdBy: string | null, now: Date): Promise<{ id: string; cookie: string; counter: number }> {
  const c = await requireCounter(trx, unitId, counter);
  const { rows } = await sql<{ id: string }>`insert into centre_rating_devices (unit_id, counter_id, paired_at, created_by, created_at)
    values (${unitId}, ${c.id}, ${now}, ${createdBy}, ${now}) returning id`.execute(trx);
  const secret = (await getSettings(trx, unitId)).token_secret;
  return { id: rows[0].id, cookie: deviceCookieValue(secret, rows[0].id), counter: c.number };
}

/** A one-time pairing code (shown as a link and QR) for a device the officer is not logged in on. */
export async function createPairingCode(trx: Trx, unitId: string, counter: number | string, createdBy: string | null, now: Date): Promise<{ id: string; code: string; expiresAt: Date }> {
  const c = await requireCounter(trx, unitId, counter);
  const code = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + PAIR_CODE_TTL_MIN * 60_000);
  const { rows } = await sql<{ id: string }>`insert into centre_rating_devices (unit_id, counter_id, pair_code_hash, pair_expires_at, created_by, created_at)
    values (${unitId}, ${c.id}, ${hashCode(code)}, ${expiresAt}, ${createdBy}, ${now}) returning id`.execute(trx);
  return { id: rows[0].id, code, expiresAt };
}

const CODE_RE = /^[A-Za-z0-9_-]{24}$/;

/** The pending pairing of a code for this counter, or null when unknown, used, revoked or expired. */
export async function pendingPairing(trx: Trx, unitId: string, counter: number | string, code: string, now: Date): Promise<{ id: string } | null> {
  if (!CODE_RE.test(code)) return null;
  const c = await requireCounter(trx, unitId, counter);
  const { rows } = await sql<{ id: string }>`select id from centre_rating_devices
    where unit_id = ${unitId} and counter_id = ${c.id} and pair_code_hash = ${hashCode(code)}
      and paired_at is null and revoked_at is null and pair_expires_at > ${now}`.execute(trx);
  return rows[0] ?? null;
}

/** Uses a pairing code (once): the device becomes paired and gets its cookie. */
export async function redeemPairingCode(trx: Trx, unitId: string, counter: number | string, code: string, now: Date): Promise<{ id: string; cookie: string } | null> {
  const p = await pendingPairing(trx, unitId, counter, code, now);
  if (!p) return null;
  const { rows } = await sql<{ id: string }>`update centre_rating_devices set paired_at = ${now}, pair_code_hash = null
    where id = ${p.id} and paired_at is null returning id`.execute(trx);
  if (!rows[0]) return null;
  const secret = (await getSettings(trx, unitId)).token_secret;
  return { id: rows[0].id, cookie: deviceCookieValue(secret, rows[0].id) };
}

/** The counter number a device cookie is paired with (null when not paired or revoked). */
export async function pairedCounter(trx: Trx, unitId: string, cookie: string | undefined, now: Date): Promise<{ id: string; counter: number } | null> {
  const secret = (await getSettings(trx, unitId)).token_secret;
  const id = readDeviceCookie(secret, cookie);
  if (!id) return null;
  const { rows } = await sql<{ id: string; counter: number; last_seen_at: Date | null }>`select d.id, c.number as counter, d.last_seen_at
    from centre_rating_devices d join centre_counters c on c.id = d.counter_id
    where d.id = ${id} and d.unit_id = ${unitId} and d.paired_at is not null and d.revoked_at is null`.execute(trx);
  const row = rows[0];
  if (!row) return null;
  if (!row.last_seen_at || now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await sql`update centre_rating_devices set last_seen_at = ${now} where id = ${id}`.execute(trx);
  }
  return { id: row.id, counter: row.counter };
}

/** 403 unless the cookie is a paired device of exactly this counter. */
export async function requirePairedDevice(trx: Trx, unitId: string, counter: number | string, cookie: string | undefined, now: Date): Promise<string> {
  const d = await pairedCounter(trx, unitId, cookie, now);
  if (!d || String(d.counter) !== String(Number(counter))) {
    throw new AppError(403, 'device_not_paired', 'centre.device.not_paired').with({ n: String(counter) });
  }
  return d.id;
}

/** A counter's devices, paired and pending (newest first). */
export async function listDevices(trx: Trx, unitId: string, counter: number | string): Promise<DeviceRow[]> {
  const c = await requireCounter(trx, unitId, counter);
  const { rows } = await sql<DeviceRow>`select d.id, ${c.number}::int as counter_number, d.paired_at, d.revoked_at, d.last_seen_at, d.pair_expires_at, d.created_at
    from centre_rating_devices d where d.unit_id = ${unitId} and d.counter_id = ${c.id}
    order by d.created_at desc limit 50`.execute(trx);
  return rows;
}

/** Ends a device's pairing (or a pending link); 404 for another counter's device. */
export async function revokeDevice(trx: Trx, unitId: string, counter: number | string, id: string, now: Date): Promise<void> {
  const c = await requireCounter(trx, unitId, counter);
  if (!UUID.test(id)) throw AppError.notFound('centre.error.device_not_found');
  const { rows } = await sql`update centre_rating_devices set revoked_at = coalesce(revoked_at, ${now}), pair_code_hash = null
    where id = ${id} and unit_id = ${unitId} and counter_id = ${c.id} returning id`.execute(trx);
  if (!rows.length) throw AppError.notFound('centre.error.device_not_found');
}
