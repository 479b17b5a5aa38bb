import type { FastifyRequest } from 'fastify';
import type { DashboardContext, DashboardPart } from '../../core/dashboard/types.js';
import { hasRole } from '../../core/http/guards.js';
import { withUnit } from '../../core/tenancy.js';
import { isOverdue } from './lib/freshness.js';
import { listPublished } from './repo-published.js';
import { EDITORS } from './routes/context.js';

/** Published items whose periodic review is overdue (the `/ra-soat?qua-han=1` list). */
export async function transparencyDashboard(req: FastifyRequest, ctx: DashboardContext): Promise<DashboardPart | null> {
  if (!hasRole(req, [...EDITORS])) return null;
  const unit = req.unit!;
  const items = await withUnit(req.server.db, unit.id, (trx) => listPublished(trx));
  const overdue = items.filter((i) => isOverdue({ lastReviewedAt: i.last_reviewed_at, reviewIntervalDays: i.review_interval_days, remindedAt: i.reminded_at }, ctx.now));
  return {
    title: req.t('transparency.nav.review'), order: 40,
    tiles: [{ id: 'transparency.reviews_overdue', label: req.t('transparency.dashboard.reviews_overdue'), count: overdue.length,
      href: `/quan-tri/${unit.slug}/ra-soat?qua-han=1`, tone: 'alert' }],
  };
}
