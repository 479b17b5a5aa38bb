import type { FastifyInstance } from 'fastify';
import { withUnit } from '../../../core/tenancy.js';
import { isRealDay, Q, query } from '../../../core/http/query.js';
import { renderStaffPage } from '../../../web/render.js';
import { addDays, toDayNumber, vnDateOf, vnDayStart } from '../../../lib/vn-calendar/index.js';
import { statsBy, summariseRatings } from '../domain/stats.js';
import { ratingFacts, recentComments, ticketFacts } from '../repo/stats-repo.js';
import { StatsPage } from '../views/stats-page.js';


/** Reads `?tu=&den=` (inclusive days, Vietnam time); default the last 30 days; at most 366 days. */
export function statsRange(q: { tu?: string; den?: string }, now: Date): { from: string; to: string; ok: boolean } {
  const to = isRealDay(q.den) ? q.den : vnDateOf(now);
  const from = isRealDay(q.tu) ? q.tu : addDays(to, -29);
  const span = toDayNumber(to) - toDayNumber(from);
  return { from, to, ok: Number.isFinite(span) && span >= 0 && span <= 366 };
}

export function registerStatsPages(app: FastifyInstance): void {
  const guard = app.requireStaff(['admin', 'centre_officer', 'leader', 'inspection']);
  app.get<{ Querystring: { tu?: string; den?: string } }>('/quan-tri/:unit/quay/thong-ke', { preHandler: guard, schema: { hide: true, querystring: query({ tu: Q.day, den: Q.day }) } }, async (req, reply) => {
    const unitId = req.unit!.id;
    const r = statsRange(req.query, new Date());
    const range = r.ok ? r : statsRange({}, new Date());
    const start = vnDayStart(range.from);
    const end = vnDayStart(addDays(range.to, 1));
    const data = await withUnit(app.db, unitId, async (trx) => ({
      tickets: await ticketFacts(trx, unitId, start, end, {
        service: (s) => (req.lang === 'en' ? s.name_en : s.name_vi),
        counter: (n) => req.t('centre.counter.title', { n }),
      }),
      ratings: await ratingFacts(trx, unitId, start, end),
      comments: await recentComments(trx, unitId, start, end),
    }));
    const counterRatings = data.ratings.filter((x) => x.kind === 'counter');
    const counters = [...new Set(counterRatings.map((x) => x.counter).filter((c): c is number => c !== null))].sort((a, b) => a - b);
    return renderStaffPage(req, reply, { title: req.t('centre.stats.title'), current: 'quay/thong-ke', styles: ['css/centre.css'] },
      <StatsPage req={req} from={range.from} to={range.to} error={r.ok ? undefined : req.t('centre.stats.bad_range')}
        byService={statsBy('service', data.tickets)} byCounter={statsBy('counter', data.tickets)} byHour={statsBy('hour', data.tickets)}
        counterRatings={summariseRatings(counterRatings.map((x) => x.score))}
        receptionRatings={summariseRatings(data.ratings.filter((x) => x.kind === 'reception').map((x) => x.score))}
        ratingsByCounter={counters.map((c) => ({ key: req.t('centre.counter.title', { n: c }), s: summariseRatings(counterRatings.filter((x) => x.counter === c).map((x) => x.score)) }))}
        comments={data.comments} />, r.ok ? 200 : 400);
  });
}
