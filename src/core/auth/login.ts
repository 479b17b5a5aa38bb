import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords.js';
import { TOTP, Secret } from 'otpauth';

/**
 * Login throttling (no account is ever locked, so nobody can lock `admin` out):
 * - per account and address: after PAIR_FREE_FAILURES wrong passwords from one address, that
 *   address waits 1, 2, 4 … s (at most PAIR_MAX_DELAY_S) after each further failure;
 * - per account from every address (a distributed guess): after ACCOUNT_FREE_FAILURES failures
 *   in the window, addresses that never logged in to it wait too (at most ACCOUNT_MAX_DELAY_S);
 *   an address that logged in to the account in the last KNOWN_ADDRESS_DAYS is not slowed by others;
 * - per address over all accounts: after IP_FREE_FAILURES, growing delays up to IP_MAX_DELAY_S.
 * Failures count within WINDOW_MINUTES and since the last successful login of the same key. The
 * answers are the same for unknown usernames (the counts are kept by the name typed).
 */
export const PAIR_FREE_FAILURES = 3;
export const PAIR_MAX_DELAY_S = 300;
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_MAX_DELAY_S = 60;
export const IP_FREE_FAILURES = 30;
export const IP_MAX_DELAY_S = 900;
export const WINDOW_MINUTES = 60;
export const KNOWN_ADDRESS_DAYS = 30;
/** Wrong TOTP codes allowed per account before codes are refused for TOTP_BLOCK_MINUTES. */
export const MAX_TOTP_FAILURES = 5;
export const TOTP_BLOCK_MINUTES = 15;

export type LoginResult =
  | { ok: true; user: { id: string; totp_enabled: boolean } }
  | { ok: false; reason: 'failed' | 'too_many'; seconds?: number };

/** Seconds to wait after `failures` failures when `free` are allowed, doubling up to `max`. */
export const growingDelay = (failures: number, free: number, max: number): number =>
  failures < free ? 0 : Math.min(2 ** (failures - free), max);

interface Counts { pair: number; pairLast: Date | null; account: number; accountLast: Date | null; ip: number; ipLast: Date | null; known: boolean }

async function counts(db: Kysely<any>, name: string, ip: string): Promise<Counts> {
  const { rows } = await sql<any>`
    with recent as (select * from login_attempts where at > now() - make_interval(mins => ${WINDOW_MINUTES}) and (username = ${name} or ip = ${ip})),
    last_ok_pair as (select max(at) as at from recent where ok and username = ${name} and ip = ${ip}),
    last_ok_user as (select max(at) as at from recent where ok and username = ${name}),
    last_ok_ip as (select max(at) as at from recent where ok and ip = ${ip})
    select
      count(*) filter (where not ok and username = ${name} and ip = ${ip} and at > coalesce((select at from last_ok_pair), '-infinity')) as pair,
      max(at) filter (where not ok and username = ${name} and ip = ${ip}) as pair_last,
      count(*) filter (where not ok and username = ${name} and at > coalesce((select at from last_ok_user), '-infinity')) as account,
      max(at) filter (where not ok and username = ${name}) as account_last,
      count(*) filter (where not ok and ip = ${ip} and at > coalesce((select at from last_ok_ip), '-infinity')) as ip,
      max(at) filter (where not ok and ip = ${ip}) as ip_last,
      exists (select 1 from login_attempts where ok and username = ${name} and ip = ${ip}
        and at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})) as known
    from recent`.execute(db);
  const r = rows[0];
  const d = (v: unknown) => (v ? new Date(v as string) : null);
  return { pair: Number(r.pair), pairLast: d(r.pair_last), account: Number(r.account), accountLast: d(r.account_last),
    ip: Number(r.ip), ipLast: d(r.ip_last), known: r.known };
}

/** Seconds this attempt must still wait (0: go ahead). */
export function waitSeconds(c: Counts, now = Date.now()): number {
  const left = (last: Date | null, delay: number) => (last && delay ? Math.ceil((last.getTime() + delay * 1000 - now) / 1000) : 0);
  return Math.max(0,
    left(c.pairLast, growingDelay(c.pair, PAIR_FREE_FAILURES, PAIR_MAX_DELAY_S)),
    c.known ? 0 : left(c.accountLast, growingDelay(c.account, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_DELAY_S)),
    left(c.ipLast, growingDelay(c.ip, IP_FREE_FAILURES, IP_MAX_DELAY_S)));
}

/**
 * Checks a password under the throttle. Attempts on one username are serialised (a transaction
 * lock), so parallel guesses each see the failures before them and cannot outrun the delays.
 */
export async function attemptLogin(db: Kysely<any>, username: string, password: string, ip: string): Promise<LoginResult> {
  const name = username.trim().toLowerCase().slice(0, 100);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7291, hashtext(${name}))`.execute(trx);
    const wait = waitSeconds(await counts(trx, name, ip));
    if (wait > 0) return { ok: false, reason: 'too_many', seconds: wait } as const;
    const { rows } = await sql<any>`select id, password_hash, totp_enabled, disabled from users where username = ${name}`.execute(trx);
    const u = rows[0];
    // Verify even for unknown users so that timing does not reveal which usernames exist.
    const ok = await verifyPassword(u?.password_hash ?? await dummyHash(), password) && !!u && !u.disabled;
    await sql`insert into login_attempts (username, ip, ok) values (${name}, ${ip}, ${ok})`.execute(trx);
    if (!ok) return { ok: false, reason: 'failed' } as const;
    return { ok: true, user: { id: u.id as string, totp_enabled: u.totp_enabled as boolean } } as const;
  });
}

// A hash of a random string: makes unknown-user checks cost the same as real ones.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Thân Thiện', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The time step a code belongs to (within ±1 step of now), or null when it is wrong. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code.trim())) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code.trim(), window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

/** Pure check of a code's shape and value (no replay protection: use `useTotpCode`). */
export function checkTotp(secretBase32: string, code: string): boolean {
  return totpStep(secretBase32, code) !== null;
}

export type TotpUse = 'ok' | 'wrong' | 'blocked';

/**
 * Checks a user's TOTP code and uses it up: a code (its time step, or an earlier one) works once.
 * Wrong codes count per account; after MAX_TOTP_FAILURES codes are refused for TOTP_BLOCK_MINUTES
 * (the password was already right, so only the account's owner or a thief of it is slowed).
 */
export async function useTotpCode(db: Kysely<any>, userId: string, code: string): Promise<TotpUse> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ totp_secret: string | null; totp_last_step: number | null; blocked: boolean }>`
      select totp_secret, totp_last_step, coalesce(totp_blocked_until > now(), false) as blocked
      from users where id = ${userId} for update`.execute(trx);
    const u = rows[0];
    if (!u?.totp_secret) return 'wrong';
    if (u.blocked) return 'blocked';
    const step = totpStep(u.totp_secret, code);
    if (step !== null && step > Number(u.totp_last_step ?? -1)) {
      await sql`update users set totp_last_step = ${step}, totp_failures = 0 where id = ${userId}`.execute(trx);
      return 'ok';
    }
    const { rows: after } = await sql<{ blocked: boolean }>`update users set
        totp_failures = case when totp_failures + 1 >= ${MAX_TOTP_FAILURES} then 0 else totp_failures + 1 end,
        totp_blocked_until = case when totp_failures + 1 >= ${MAX_TOTP_FAILURES}
          then now() + make_interval(mins => ${TOTP_BLOCK_MINUTES}) else totp_blocked_until end
      where id = ${userId} returning coalesce(totp_blocked_until > now(), false) as blocked`.execute(trx);
    return after[0]?.blocked ? 'blocked' : 'wrong';
  });
}

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;
