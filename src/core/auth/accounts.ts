import { sql, type Kysely } from 'kysely';
import { hashPassword, passwordProblem } from './passwords.js';
import { randomToken, sha256 } from './crypto.js';
import type { Role } from '../module.js';
import { audit } from '../audit.js';
import { enqueueEmail } from '../mail.js';

export const ROLES: Role[] = ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection', 'city'];
export const USERNAME_RE = /^[a-z0-9._]{3,40}$/;

export interface NewUser {
  unitId: string; username: string; displayName: string; roles: Role[];
  password?: string; email?: string | null; title?: string | null; departmentId?: string | null;
}

/** Creates a staff account; returns its id. Throws on a duplicate username (unique constraint). */
export async function createUser(db: Kysely<any>, u: NewUser): Promise<string> {
  const problem = u.password ? await passwordProblem(u.password, u.username) : null;
  if (problem) throw new Error(problem);
  const hash = u.password ? await hashPassword(u.password) : null;
  const { rows } = await sql<{ id: string }>`insert into users (unit_id, username, display_name, email, title, department_id, password_hash)
    values (${u.unitId}, ${u.username.toLowerCase()}, ${u.displayName}, ${u.email ?? null}, ${u.title ?? null}, ${u.departmentId ?? null}, ${hash})
    returning id`.execute(db);
  const id = rows[0].id;
  for (const role of u.roles) {
    await sql`insert into user_roles (user_id, unit_id, role) values (${id}, ${u.unitId}, ${role}) on conflict do nothing`.execute(db);
  }
  return id;
}

/** A single-use link token to set (first time) or reset a password. */
export async function createPasswordToken(db: Kysely<any>, userId: string, purpose: 'setup' | 'reset', hours = 72): Promise<string> {
  const token = randomToken();
  await sql`insert into password_tokens (token_hash, user_id, purpose, expires_at)
    values (${sha256(token)}, ${userId}, ${purpose}, now() + make_interval(hours => ${hours}))`.execute(db);
  return token;
}

export async function findPasswordToken(db: Kysely<any>, token: string): Promise<{ user_id: string; username: string } | null> {
  const { rows } = await sql<{ user_id: string; username: string }>`select t.user_id, u.username from password_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${sha256(token)} and t.used_at is null and t.expires_at > now()`.execute(db);
  return rows[0] ?? null;
}

/**
 * Uses the token (once) and sets the password; also ends the user's other sessions. Audited as
 * `user.password_set` by the account itself. False when the token is unknown, used or expired.
 */
export async function usePasswordToken(db: Kysely<any>, token: string, password: string, ip: string | null = null): Promise<boolean> {
  const problem = await passwordProblem(password);
  if (problem) throw new Error(problem);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ user_id: string; purpose: string }>`update password_tokens set used_at = now()
      where token_hash = ${sha256(token)} and used_at is null and expires_at > now() returning user_id, purpose`.execute(trx);
    if (!rows[0]) return false;
    const { user_id: userId, purpose } = rows[0];
    const u = (await sql<{ unit_id: string; username: string; display_name: string }>`update users
      set password_hash = ${hash}, failed_logins = 0, locked_until = null, updated_at = now() where id = ${userId}
      returning unit_id, username, display_name`.execute(trx)).rows[0];
    await sql`delete from sessions where user_id = ${userId}`.execute(trx);
    // Other reset links of the account die with this one.
    await sql`update password_tokens set used_at = now() where user_id = ${userId} and used_at is null`.execute(trx);
    await audit(trx, { id: userId, name: `${u.display_name} (${u.username})`, unitId: u.unit_id, ip },
      { action: 'user.password_set', entity: 'user', entityId: userId, after: { via: purpose } });
    return true;
  });
}

/** Self-service reset links: valid this long, and at most one per account per RESET_THROTTLE_MINUTES. */
export const RESET_LINK_HOURS = 1;
export const RESET_THROTTLE_MINUTES = 2;

/**
 * "Quên mật khẩu": for every active account whose username or email is `who` and that has an
 * email address, a one-time reset link is emailed through the outbox (audited as
 * `user.password_reset_request`). Says nothing about whether an account matched: the caller
 * answers the same either way. Returns how many emails were queued (for tests and logs only).
 */
export async function requestPasswordReset(db: Kysely<any>, who: string, o: {
  publicUrl: string; ip: string | null; t: (key: string, params?: Record<string, string | number>) => string;
}): Promise<number> {
  const name = who.trim().toLowerCase();
  if (!name) return 0;
  const { rows: users } = await sql<{ id: string; unit_id: string; username: string; display_name: string; email: string }>`
    select id, unit_id, username, display_name, email from users
    where not disabled and coalesce(email, '') <> '' and (username = ${name} or lower(email) = ${name})
    order by username limit 5`.execute(db);
  let sent = 0;
  for (const u of users) {
    sent += await db.transaction().execute(async (trx) => {
      // Serialise requests for one account, then throttle: a flood of requests sends one email.
      await sql`select 1 from users where id = ${u.id} for update`.execute(trx);
      const recent = await sql`select 1 from password_tokens where user_id = ${u.id} and purpose = 'reset'
        and created_at > now() - make_interval(mins => ${RESET_THROTTLE_MINUTES})`.execute(trx);
      if (recent.rows.length) return 0;
      await sql`update password_tokens set used_at = now() where user_id = ${u.id} and purpose = 'reset' and used_at is null`.execute(trx);
      const token = await createPasswordToken(trx, u.id, 'reset', RESET_LINK_HOURS);
      const url = `${o.publicUrl}/dat-mat-khau/${token}`;
      await enqueueEmail(trx, {
        unitId: u.unit_id, to: u.email, subject: o.t('core.forgot_mail_subject'),
        text: o.t('core.forgot_mail_text', { name: u.display_name, username: u.username, url, hours: RESET_LINK_HOURS }),
      });
      await audit(trx, { id: null, name: 'Quên mật khẩu (chưa đăng nhập)', unitId: u.unit_id, ip: o.ip },
        { action: 'user.password_reset_request', entity: 'user', entityId: u.id });
      return 1;
    });
  }
  return sent;
}

export interface UnitUserRow {
  id: string; username: string; display_name: string; roles: string[]; locked_until: Date | null; totp_enabled: boolean;
}

/** The staff accounts of a unit with their roles there, by display name. */
export async function usersOfUnit(db: Kysely<any>, unitId: string): Promise<UnitUserRow[]> {
  const { rows } = await sql<UnitUserRow>`select u.id, u.username, u.display_name, u.locked_until, u.totp_enabled,
      coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
    from users u left join user_roles r on r.user_id = u.id and r.unit_id = u.unit_id
    where u.unit_id = ${unitId} group by u.id order by u.display_name`.execute(db);
  return rows;
}

export async function usernameTaken(db: Kysely<any>, username: string): Promise<boolean> {
  const { rows } = await sql`select 1 from users where username = ${username}`.execute(db);
  return rows.length > 0;
}

/** The username of an account of the unit; undefined when the id is unknown or malformed. */
export async function usernameInUnit(db: Kysely<any>, unitId: string, userId: string): Promise<string | undefined> {
  const { rows } = await sql<{ username: string }>`select username from users
      where id = ${userId}::uuid and unit_id = ${unitId}`.execute(db)
    .catch(() => ({ rows: [] as { username: string }[] }));
  return rows[0]?.username;
}

export interface TotpState { username: string; totp_enabled: boolean; totp_secret: string | null }

export async function totpStateOf(db: Kysely<any>, userId: string): Promise<TotpState | undefined> {
  const { rows } = await sql<TotpState>`select totp_enabled, totp_secret, username from users where id = ${userId}`.execute(db);
  return rows[0];
}

export async function setTotpSecret(db: Kysely<any>, userId: string, secret: string): Promise<void> {
  await sql`update users set totp_secret = ${secret} where id = ${userId}`.execute(db);
}

export async function enableTotp(db: Kysely<any>, userId: string): Promise<void> {
  await sql`update users set totp_enabled = true where id = ${userId}`.execute(db);
}

/** An account of the unit with its second-factor state, locked until the transaction ends. */
export async function lockTotpState(
  db: Kysely<any>, unitId: string, userId: string,
): Promise<{ username: string; totp_enabled: boolean } | undefined> {
  const { rows } = await sql<{ username: string; totp_enabled: boolean }>`select username, totp_enabled from users
        where id = ${userId} and unit_id = ${unitId} for update`.execute(db);
  return rows[0];
}

/** Turns the second factor off and forgets its secret (the admin's reset for a lost authenticator). */
export async function disableTotp(db: Kysely<any>, userId: string): Promise<void> {
  await sql`update users set totp_enabled = false, totp_secret = null, updated_at = now() where id = ${userId}`.execute(db);
}
