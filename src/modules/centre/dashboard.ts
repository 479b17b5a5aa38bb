import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { monthBounds, percent, type DashboardContext, type DashboardPart } from '../../core/dashboard/types.js';
import { hasRole } from '../../core/http/guards.js';
import { withUnit } from '../../core/tenancy.js';
import { vnDateOf, vnDayStart } from '../../lib/vn-calendar/index.js';
import { groupStats, summariseRatings } from './domain/stats.js';
import { ratingFacts, ticketFacts } from './repo/stats-repo.js';
import type { Trx } from './repo/types.js';
import { urls } from './routes/urls.js';

const ROLES = ['admin', 'centre_officer', 'leader'] as const;

/** Bookings of a day still expected (booked, not cancelled nor already checked in). */
async function bookingsExpected(trx: Trx, unitId: string, day: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from centre_bookings
    where unit_id = ${unitId} and day = ${day} and status = 'booked'`.execute(trx);
  return rows[0]?.n ?? 0;
}

/**
 * Today at the one-stop desk: people waiting now, the mean wait of those called today, bookings
 * still expected; for leaders the share of "satisfied" counter ratings per month.
 */
export async function centreDashboard(req: FastifyRequest, ctx: DashboardContext): Promise<DashboardPart | null> {
  if (!hasRole(req, [...ROLES])) return null;
  const unit = req.unit!;
  const day = vnDateOf(ctx.now);
  const data = await withUnit(req.server.db, unit.id, async (trx) => {
    const today = await ticketFacts(trx, unit.id, vnDayStart(day), ctx.now);
    const stats = groupStats('today', today);
    const months = [];
    for (const m of ctx.leader ? ctx.months : []) {
      const b = monthBounds(m);
      const r = summariseRatings((await ratingFacts(trx, unit.id, b.from, b.to)).filter((f) => f.kind === 'counter').map((f) => f.score));
      months.push({ month: m, value: percent(r.satisfied, r.total), numerator: r.satisfied, denominator: r.total });
    }
    return {
      waiting: today.filter((t) => t.status === 'waiting').length, taken: stats.tickets, meanWaitS: stats.wait.mean,
      bookings: await bookingsExpected(trx, unit.id, day), months,
    };
  });
  const t = req.t;
  return {
    title: t('centre.nav.staff'), order: 30,
    tiles: [
      { id: 'centre.waiting', label: t('centre.dashboard.waiting'), count: data.waiting, href: urls.staffHome(unit.slug), tone: 'attention',
        detail: t('centre.dashboard.today_detail', { taken: data.taken, minutes: Math.round(data.meanWaitS / 60) }) },
      { id: 'centre.bookings', label: t('centre.dashboard.bookings'), count: data.bookings, href: `${urls.staffBookings(unit.slug)}?ngay=${day}`, tone: 'neutral' },
    ],
    trends: ctx.leader ? [{ id: 'centre.rating_satisfied', label: t('centre.dashboard.satisfied'), points: data.months, href: urls.stats(unit.slug) }] : [],
  };
}
