import type { FastifyRequest } from 'fastify';
import type { NavItem } from './module.js';
import { rolesIn } from './auth/principal.js';

const sorted = (items: NavItem[]) => [...items].sort((a, b) => (a.order ?? 50) - (b.order ?? 50));

/** Public links of every module, for the unit header and home page. */
export function navFor(req: FastifyRequest): NavItem[] {
  return sorted(req.server.modules.flatMap((m) => m.nav ?? []));
}

/** Staff links this principal may use in the current unit. */
export function staffNavFor(req: FastifyRequest): NavItem[] {
  if (!req.staff || !req.unit) return [];
  const roles = rolesIn(req.staff, req.unit.id);
  const core: NavItem[] = [{ path: 'nhat-ky', label: 'core.audit_log', roles: ['admin', 'leader', 'inspection'], order: 95 },
    { path: 'tai-khoan-can-bo', label: 'core.users', roles: ['admin'], order: 96 }];
  return sorted([...req.server.modules.flatMap((m) => m.staffNav ?? []), ...core])
    .filter((n) => !n.roles || roles.includes('admin') || n.roles.some((r) => roles.includes(r)));
}
