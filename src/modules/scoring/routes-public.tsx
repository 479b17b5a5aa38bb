import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';
import { renderPage } from '../../web/render.js';
import { unitRowOf, yearParam } from './context.js';
import * as repo from './repo.js';
import { cityRanking } from './service.js';
import { PublicPage } from './views/public-page.js';

export function registerPublicRoutes(app: FastifyInstance): void {
  app.get('/:unit/chinh-quyen-than-thien', async (req, reply) => {
    const unit = await unitRowOf(req);
    if (unit.type === 'city') throw AppError.notFound();
    const year = yearParam(req.query);
    const city = unit.parent_id ? await repo.unitById(app.db, unit.parent_id) : null;
    // The unit's card comes from the city ranking so that its rank and its points are one computation.
    const ranking = city ? await cityRanking(app.db, city, year) : null;
    const card = ranking?.units.find((u) => u.unit.id === unit.id);
    if (!card) throw AppError.notFound();
    return renderPage(req, reply, { title: req.t('scoring.public.title'), current: 'chinh-quyen-than-thien', styles: ['css/scoring.css'] },
      <PublicPage req={req} card={card} rank={ranking ? { rank: card.rank, of: ranking.units.length } : null} />);
  });
}
