import { sql, type Kysely } from 'kysely';
import { randomToken, sha256 } from './crypto.js';
import { principalForUser } from './principal.js';
import type { StaffPrincipal } from '../types.js';

export const SESSION_COOKIE = 'tt_session';
const SESSION_HOURS = 12;

export async function createSession(owner: Kysely<any>, userId: string, secondFactorOk: boolean, ip: string, ua: string | undefined) {
  const token = randomToken();
  const csrf = randomToken(24);
  await sql`insert into sessions (id, user_id, csrf_token, second_factor_ok, expires_at, ip, user_agent)
    values (${sha256(token)}, ${userId}, ${csrf}, ${secondFactorOk}, now() + make_interval(hours => ${SESSION_HOURS}), ${ip}, ${ua ?? null})`.execute(owner);
  return { token, csrf };
}

export async function sessionPrincipal(owner: Kysely<any>, token: string): Promise<StaffPrincipal | null> {
  const id = sha256(token);
  const { rows } = await sql<any>`
    select s.id as session_id, s.csrf_token, s.second_factor_ok, s.last_seen_at,
           u.id, u.username, u.display_name, u.unit_id, u.disabled
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id} and s.expires_at > now()`.execute(owner);
  const r = rows[0];
  if (!r) return null;
  if (Date.now() - new Date(r.last_seen_at).getTime() > 60_000) {
    // Sliding expiry, written at most once a minute.
    await sql`update sessions set last_seen_at = now(), expires_at = now() + make_interval(hours => ${SESSION_HOURS}) where id = ${id}`.execute(owner);
  }
  return principalForUser(owner, r, { kind: 'session', sessionId: r.session_id, csrfToken: r.csrf_token, secondFactorOk: r.second_factor_ok });
}

export async function markSecondFactor(owner: Kysely<any>, sessionId: string): Promise<void> {
  await sql`update sessions set second_factor_ok = true where id = ${sessionId}`.execute(owner);
}

export async function destroySession(owner: Kysely<any>, sessionId: string): Promise<void> {
  await sql`delete from sessions where id = ${sessionId}`.execute(owner);
}
