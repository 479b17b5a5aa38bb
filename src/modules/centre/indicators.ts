import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { vnDayStart } from '../../lib/vn-calendar/index.js';
import { groupStats, summariseRatings, type RatingSummary } from './domain/stats.js';
import { ratingFacts, ticketFacts } from './repo/stats-repo.js';

export interface CentreIndicators {
  year: number;
  tickets: number;
  served: number;
  noShows: number;
  /** Share of tickets called within 15 minutes, in %, one decimal. */
  calledWithin15MinRate: number;
  waitMeanS: number;
  waitP90S: number;
  serviceMeanS: number;
  counterRatings: RatingSummary;
  receptionRatings: RatingSummary;
}

/**
 * Figures of the service centre for one calendar year (Vietnam time), for the scoring module:
 * criterion 2 (satisfaction with the centre) and criterion 4 (automatic queue, rating devices).
 */
export async function centreIndicators(db: Kysely<any>, unitId: string, year: number): Promise<CentreIndicators> {
  const from = vnDayStart(`${year}-01-01`);
  const to = vnDayStart(`${year + 1}-01-01`);
  return withUnit(db, unitId, async (trx) => {
    const tickets = await ticketFacts(trx, unitId, from, to);
    const ratings = await ratingFacts(trx, unitId, from, to);
    const all = groupStats('all', tickets);
    const called = tickets.filter((t) => t.calledAt);
    const quick = called.filter((t) => t.calledAt!.getTime() - t.createdAt.getTime() <= 15 * 60_000).length;
    return {
      year,
      tickets: all.tickets,
      served: all.served,
      noShows: all.noShows,
      calledWithin15MinRate: called.length ? Math.round((quick / called.length) * 1000) / 10 : 0,
      waitMeanS: all.wait.mean,
      waitP90S: all.wait.p90,
      serviceMeanS: all.service.mean,
      counterRatings: summariseRatings(ratings.filter((r) => r.kind === 'counter').map((r) => r.score)),
      receptionRatings: summariseRatings(ratings.filter((r) => r.kind === 'reception').map((r) => r.score)),
    };
  });
}
