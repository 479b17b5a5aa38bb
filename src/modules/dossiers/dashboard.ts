import type { FastifyRequest } from 'fastify';
import { percent, type DashboardContext, type DashboardPart } from '../../core/dashboard/types.js';
import { hasRole } from '../../core/http/guards.js';
import { withUnit } from '../../core/tenancy.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { todayCounts } from './repo/list.js';
import { READ_ROLES } from './routes/context.js';
import { monthlyFigures } from './stats/stats.js';

/** On-time rate per month ('YYYY-MM'): dossiers settled early or on time / settled, from the monthly figures. */
async function onTimeByMonth(db: any, unitId: string, months: string[]) {
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const rows = new Map<string, { ok: number; all: number }>();
  await withUnit(db, unitId, async (trx) => {
    for (const y of years) {
      for (const r of await monthlyFigures(trx as any, [unitId], y)) {
        rows.set(`${y}-${String(r.month).padStart(2, '0')}`, { ok: r.early + r.on_time, all: r.early + r.on_time + r.late });
      }
    }
  });
  return months.map((month) => {
    const r = rows.get(month) ?? { ok: 0, all: 0 };
    return { month, value: percent(r.ok, r.all), numerator: r.ok, denominator: r.all };
  });
}

/** Dossiers due today, overdue and awaiting papers, each linking to the filtered list. */
export async function dossierDashboard(req: FastifyRequest, ctx: DashboardContext): Promise<DashboardPart | null> {
  if (!hasRole(req, READ_ROLES)) return null;
  const unit = req.unit!;
  const today = vnDateOf(ctx.now);
  const c = await withUnit(req.server.db, unit.id, (trx) => todayCounts(trx as any, unit.id, today));
  const list = `/quan-tri/${unit.slug}/ho-so`;
  const t = req.t;
  return {
    title: t('dossiers.staff_nav'), order: 10,
    tiles: [
      { id: 'dossiers.due_today', label: t('dossiers.dashboard.due_today'), count: c.dueToday, href: `${list}?han=hom-nay`, tone: 'attention' },
      { id: 'dossiers.overdue', label: t('dossiers.dashboard.overdue'), count: c.overdue, href: `${list}?han=qua-han`, tone: 'alert' },
      { id: 'dossiers.awaiting_supplement', label: t('dossiers.dashboard.supplement'), count: c.awaitingSupplement,
        href: `${list}?trang-thai=supplement_requested`, tone: 'neutral' },
    ],
    trends: ctx.leader ? [{
      id: 'dossiers.on_time_rate', label: t('dossiers.dashboard.on_time_rate'), href: `/quan-tri/${unit.slug}/ho-so/thong-ke`,
      points: await onTimeByMonth(req.server.db, unit.id, ctx.months),
    }] : [],
  };
}
