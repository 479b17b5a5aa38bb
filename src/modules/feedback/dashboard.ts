import type { FastifyRequest } from 'fastify';
import { monthBounds, percent, type DashboardContext, type DashboardPart } from '../../core/dashboard/types.js';
import { withUnit } from '../../core/tenancy.js';
import { viewerOf } from './context.js';
import { addWorkingDays, vnDateOf } from '../../lib/vn-calendar/index.js';
import { countsForStaff, DUE_SOON_WORKING_DAYS } from './staff-repo.js';
import { statsFor } from './stats.js';
import { asFeedbackTrx } from './types.js';
import { makeDeadlineRulesSource } from './work-calendar.js';

/**
 * Feedback the viewer may see that is unassigned, due soon or overdue: the same counts and
 * filters as the summary above the staff list (`?chua-giao=1`, `?sap-den-han=1`, `?qua-han=1`).
 */
export async function feedbackDashboard(req: FastifyRequest, ctx: DashboardContext): Promise<DashboardPart | null> {
  const unit = req.unit!;
  const db = req.server.db;
  const day = vnDateOf(ctx.now);
  const soonUntil = addWorkingDays((await makeDeadlineRulesSource(db)(unit.id)).calendar, day, DUE_SOON_WORKING_DAYS);
  const viewer = viewerOf(req);
  const { counts, months } = await withUnit(db, unit.id, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const counts = await countsForStaff(trx, viewer, day, soonUntil);
    const months = [];
    for (const m of ctx.leader ? ctx.months : []) {
      const b = monthBounds(m);
      const s = await statsFor(trx, b.fromDay, b.toDay, day);
      months.push({ month: m, value: percent(s.answeredOnTime, s.answered), numerator: s.answeredOnTime, denominator: s.answered });
    }
    return { counts, months };
  });
  const list = `/quan-tri/${unit.slug}/phan-anh`;
  const t = req.t;
  return {
    title: t('feedback.nav.staff'), order: 20,
    tiles: [
      { id: 'feedback.unassigned', label: t('feedback.dashboard.unassigned'), count: counts.unassigned, href: `${list}?chua-giao=1`, tone: 'attention' },
      { id: 'feedback.due_soon', label: t('feedback.dashboard.dueSoon'), count: counts.dueSoon, href: `${list}?sap-den-han=1`, tone: 'attention' },
      { id: 'feedback.overdue', label: t('feedback.dashboard.overdue'), count: counts.overdue, href: `${list}?qua-han=1`, tone: 'alert' },
    ],
    trends: ctx.leader ? [{ id: 'feedback.answered_on_time', label: t('feedback.dashboard.answeredOnTime'), points: months }] : [],
  };
}
