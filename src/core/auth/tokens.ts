import { sql, type Kysely } from 'kysely';
import { randomToken, sha256 } from './crypto.js';
import { readableUnits } from './principal.js';
import type { Role } from '../module.js';
import type { StaffPrincipal } from '../types.js';

/** Creates a bearer token for an integration (provincial system, kiosk, display). Shown once. */
export async function createApiToken(owner: Kysely<any>, unitId: string, role: Role, label: string | null): Promise<string> {
  const token = 'tt_' + randomToken(30);
  await sql`insert into api_tokens (token_hash, unit_id, role, label) values (${sha256(token)}, ${unitId}, ${role}, ${label})`.execute(owner);
  return token;
}

export async function tokenPrincipal(owner: Kysely<any>, token: string): Promise<StaffPrincipal | null> {
  const { rows } = await sql<{ id: string; unit_id: string; role: Role; label: string | null }>`
    update api_tokens set last_used_at = now() where token_hash = ${sha256(token)} and revoked_at is null
    returning id, unit_id, role, label`.execute(owner);
  const r = rows[0];
  if (!r) return null;
  return {
    kind: 'token',
    userId: null,
    // The token's full id: audit entries name exactly which integration acted (actor_id stays null,
    // it refers to user accounts only).
    username: `token:${r.id}`,
    displayName: r.label ?? 'API token',
    unitId: r.unit_id,
    roles: [r.role],
    unitIds: await readableUnits(owner, r.unit_id, [r.role]),
    secondFactorOk: true,
  };
}
