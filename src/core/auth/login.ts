import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords.js';
import { TOTP, Secret } from 'otpauth';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const MAX_FAILURES_PER_IP = 30;

export type LoginResult =
  | { ok: true; user: { id: string; totp_enabled: boolean } }
  | { ok: false; reason: 'failed' | 'locked' | 'too_many'; minutes?: number };

/**
 * Checks a password with lock-out: after MAX_FAILED_LOGINS wrong passwords in a row the account
 * is locked for LOCK_MINUTES; an address with too many failures is slowed down for everyone.
 */
export async function attemptLogin(db: Kysely<any>, username: string, password: string, ip: string): Promise<LoginResult> {
  const name = username.trim().toLowerCase();
  const recent = await sql<{ n: number }>`select count(*) as n from login_attempts
    where ip = ${ip} and not ok and at > now() - make_interval(mins => ${LOCK_MINUTES})`.execute(db);
  if ((recent.rows[0]?.n ?? 0) >= MAX_FAILURES_PER_IP) return { ok: false, reason: 'too_many', minutes: LOCK_MINUTES };

  const { rows } = await sql<any>`select id, password_hash, totp_enabled, locked_until, disabled
    from users where username = ${name}`.execute(db);
  const u = rows[0];
  if (u?.locked_until && new Date(u.locked_until) > new Date()) {
    return { ok: false, reason: 'locked', minutes: Math.ceil((new Date(u.locked_until).getTime() - Date.now()) / 60000) };
  }
  // Verify even for unknown users so that timing does not reveal which usernames exist.
  const ok = await verifyPassword(u?.password_hash ?? await dummyHash(), password) && !!u && !u.disabled;
  await sql`insert into login_attempts (username, ip, ok) values (${name}, ${ip}, ${ok})`.execute(db);
  if (!u) return { ok: false, reason: 'failed' };
  if (!ok) {
    // One statement: parallel wrong passwords each count (the row lock serialises them and each
    // sees the previous count), and the one that reaches the limit locks the account.
    const { rows: after } = await sql<{ locked: boolean }>`update users set
        failed_logins = case when failed_logins + 1 >= ${MAX_FAILED_LOGINS} then 0 else failed_logins + 1 end,
        locked_until = case when failed_logins + 1 >= ${MAX_FAILED_LOGINS} then now() + make_interval(mins => ${LOCK_MINUTES}) else locked_until end
      where id = ${u.id}
      returning coalesce(locked_until > now(), false) as locked`.execute(db);
    return after[0]?.locked ? { ok: false, reason: 'locked', minutes: LOCK_MINUTES } : { ok: false, reason: 'failed' };
  }
  // Reset the count only if no parallel attempt locked the account meanwhile.
  const { rows: unlocked } = await sql`update users set failed_logins = 0, locked_until = null
    where id = ${u.id} and (locked_until is null or locked_until <= now()) returning id`.execute(db);
  if (!unlocked.length) return { ok: false, reason: 'locked', minutes: LOCK_MINUTES };
  return { ok: true, user: { id: u.id, totp_enabled: u.totp_enabled } };
}

// A hash of a random string: makes unknown-user checks cost the same as real ones.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Thân Thiện', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function checkTotp(secretBase32: string, code: string): boolean {
  if (!/^\d{6}$/.test(code.trim())) return false;
  return totpFor(secretBase32, 'x').validate({ token: code.trim(), window: 1 }) !== null;
}

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;
