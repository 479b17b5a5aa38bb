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
  app.decorate('requireStaff', (roles?: Role[]) => async (req: FastifyRequest, reply: FastifyReply) => {
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
  });
}

/** True when the principal holds one of `roles` in the request's unit (admins included). */
export function hasRole(req: FastifyRequest, roles: Role[]): boolean {
  if (!req.staff || !req.staff.secondFactorOk) return false;
  const held = rolesIn(req.staff, req.unit?.id ?? req.staff.unitId);
  return held.includes('admin') || roles.some((r) => held.includes(r));
}
