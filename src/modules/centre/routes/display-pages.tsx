import type { FastifyInstance } from 'fastify';
import { withUnit } from '../../../core/tenancy.js';
import { renderPage } from '../../../web/render.js';
import { queueState } from '../state.js';
import { DisplayPage } from '../views/display-page.js';

/** `?giong=0|1` and `?chuong=0|1` override the unit's speech and chime settings for one screen. */
const flag = (v: unknown, fallback: boolean) => (v === '0' ? false : v === '1' ? true : fallback);

export function registerDisplayPages(app: FastifyInstance): void {
  app.get<{ Querystring: { giong?: string; chuong?: string } }>('/:unit/quay/man-hinh', { schema: { hide: true } }, async (req, reply) => {
    const unit = req.unit!;
    const state = await withUnit(app.db, unit.id, (trx) => queueState(trx, unit.id, new Date(), req.lang));
    return renderPage(req, reply, { title: req.t('centre.display.title'), bare: true, styles: ['css/centre.css'], scripts: ['js/centre-display.js'] },
      <DisplayPage req={req} state={state} streamUrl={`/api/v1/units/${unit.slug}/queue/stream`}
        speech={flag(req.query.giong, state.speech)} chime={flag(req.query.chuong, state.chime)} />);
  });
}
