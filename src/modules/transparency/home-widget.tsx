import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { nextReceptionSession } from './service.js';
import { dateOf, timeOf } from './views/shared.js';
import { vnParts } from '../../lib/vn-calendar/index.js';

/** The next citizen-reception session, on the unit home page. */
export async function receptionHomeWidget(req: FastifyRequest): Promise<VNode | null> {
  const unit = req.unit;
  if (!unit) return null;
  const s = await nextReceptionSession(req.server.db, unit.id, new Date());
  if (!s) return null;
  return (
    <section class="alert" aria-labelledby="next-reception">
      <h2 id="next-reception" class="alert__title">{req.t('transparency.reception.next')}</h2>
      <p>{req.t('transparency.reception.next_text', {
        title: s.leaderTitle, name: s.leaderName, weekday: req.t(`transparency.weekday.${vnParts(s.startsAt).weekday}`).toLowerCase(),
        date: dateOf(s.startsAt), start: timeOf(s.startsAt), end: timeOf(s.endsAt), place: s.place,
      })} <a href={`/${unit.slug}/tiep-cong-dan`}>{req.t('transparency.reception.schedule')}</a></p>
    </section>
  );
}
