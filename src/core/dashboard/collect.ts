import type { FastifyRequest } from 'fastify';
import { rolesIn } from '../auth/principal.js';
import { lastMonths, type DashboardPart } from './types.js';

const LEADER_ROLES = ['leader', 'admin', 'inspection'];
export const TREND_MONTHS = 6;

/** Every installed module's part of the staff board, in order; a module that fails is logged and left out. */
export async function collectDashboard(req: FastifyRequest, now = new Date()): Promise<DashboardPart[]> {
  const roles = req.staff && req.unit ? rolesIn(req.staff, req.unit.id) : [];
  const ctx = { now, leader: roles.some((r) => LEADER_ROLES.includes(r)), months: lastMonths(now, TREND_MONTHS) };
  const parts = await Promise.all(req.server.modules.filter((m) => m.dashboard).map((m) => m.dashboard!(req, ctx).catch((err) => {
    req.log.error({ err, module: m.name }, 'dashboard part failed');
    return null;
  })));
  return (parts.filter(Boolean) as DashboardPart[]).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}
