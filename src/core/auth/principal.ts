import { sql, type Kysely } from 'kysely';
import type { Role } from '../module.js';
import type { StaffPrincipal } from '../types.js';

interface UserRow { id: string; username: string; display_name: string; unit_id: string; disabled: boolean }

/** Roles of a user in its own unit and the units it may read (children for a city role). */
export async function principalForUser(owner: Kysely<any>, user: UserRow, extra: Partial<StaffPrincipal>): Promise<StaffPrincipal | null> {
  if (user.disabled) return null;
  const roles = (await sql<{ role: Role }>`select role from user_roles where user_id = ${user.id} and unit_id = ${user.unit_id}`.execute(owner)).rows.map((r) => r.role);
  return {
    kind: 'session',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    roles,
    unitIds: await readableUnits(owner, user.unit_id, roles),
    secondFactorOk: true,
    ...extra,
  };
}

export async function readableUnits(owner: Kysely<any>, unitId: string, roles: Role[]): Promise<string[]> {
  if (!roles.includes('city')) return [unitId];
  const { rows } = await sql<{ id: string }>`
    with recursive tree as (select id from units where id = ${unitId}
      union all select u.id from units u join tree t on u.parent_id = t.id)
    select id from tree`.execute(owner);
  return rows.map((r) => r.id);
}

/** The roles a principal holds for a given unit: its own roles there, or read-only for a city's children. */
export function rolesIn(p: StaffPrincipal, unitId: string): Role[] {
  if (unitId === p.unitId) return p.roles;
  if (p.unitIds.includes(unitId)) return ['viewer', 'city'];
  return [];
}
