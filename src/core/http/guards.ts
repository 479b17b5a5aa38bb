import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../module.js';
import { rolesIn } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { wantsJson } from './request-context.js';

/**
 * `preHandler: app.requireStaff(['leader'])`: a logged-in principal with one of the roles in the
 * route's unit (an admin of the unit passes every list). Without a list, any role of the unit.
 */
export function registerGuards(app: FastifyInstance): void {
  app.decorate('requireStaff', (roles?: Role[]) => markGuard(roles, async (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.staff;
    if (!p || (p.kind === 'session' && !p.secondFactorOk)) {
      if (wantsJson(req)) throw AppError.unauthorized();
      const next = encodeURIComponent(req.url);
      return reply.redirect(p ? `/dang-nhap/ma-xac-thuc?next=${next}` : `/dang-nhap?next=${next}`, 303);
    }
    const unitId = req.unit?.id ?? p.unitId;
    const held = rolesIn(p, unitId);
    if (!held.length) throw AppError.forbidden('core.error.not_your_unit');
    if (roles && !held.includes('admin') && !roles.some((r) => held.includes(r))) throw AppError.forbidden();
  }));
}

/** What a staff guard requires, read by the route table (the access-control matrix test derives its expectations from it). */
export interface StaffGuardSpec { roles: Role[] | 'any' }
const GUARD = Symbol.for('thanthien.staffGuard');

function markGuard<F extends object>(roles: Role[] | undefined, fn: F): F {
  return Object.assign(fn, { [GUARD]: { roles: roles ? [...roles] : 'any' } satisfies StaffGuardSpec });
}

/** The staff guard among a route's preHandler hooks, if any. */
export function staffGuardOf(preHandler: unknown): StaffGuardSpec | null {
  for (const h of [preHandler].flat()) {
    const spec = h ? (h as Record<symbol, StaffGuardSpec | undefined>)[GUARD] : undefined;
    if (spec) return spec;
  }
  return null;
}

/** True when the principal holds one of `roles` in the request's unit (admins included). */
export function hasRole(req: FastifyRequest, roles: Role[]): boolean {
  if (!req.staff || !req.staff.secondFactorOk) return false;
  const held = rolesIn(req.staff, req.unit?.id ?? req.staff.unitId);
  return held.includes('admin') || roles.some((r) => held.includes(r));
}
