import { sql, type Kysely } from 'kysely';
import { hashPassword } from './passwords.js';
import { randomToken, sha256 } from './crypto.js';
import type { Role } from '../module.js';

export const ROLES: Role[] = ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection', 'city'];
export const USERNAME_RE = /^[a-z0-9._]{3,40}$/;

export interface NewUser {
  unitId: string; username: string; displayName: string; roles: Role[];
  password?: string; email?: string | null; title?: string | null; departmentId?: string | null;
}

/** Creates a staff account; returns its id. Throws on a duplicate username (unique constraint). */
export async function createUser(db: Kysely<any>, u: NewUser): Promise<string> {
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

/** Uses the token (once) and sets the password; also ends the user's other sessions. */
export async function usePasswordToken(db: Kysely<any>, token: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ user_id: string }>`update password_tokens set used_at = now()
      where token_hash = ${sha256(token)} and used_at is null and expires_at > now() returning user_id`.execute(trx);
    if (!rows[0]) return false;
    await sql`update users set password_hash = ${hash}, failed_logins = 0, locked_until = null, updated_at = now() where id = ${rows[0].user_id}`.execute(trx);
    await sql`delete from sessions where user_id = ${rows[0].user_id}`.execute(trx);
    return true;
  });
}
