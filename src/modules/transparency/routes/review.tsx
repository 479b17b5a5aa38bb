import type { FastifyInstance } from 'fastify';
import { withUnit } from '../../../core/tenancy.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { readForm, unitOf } from '../../../core/http/forms.js';
import { isChannel, type Channel } from '../lib/freshness.js';
import { getPublished, listPublished, markReviewed } from '../repo-published.js';
import { ensureFixedItems } from '../published-items.js';
import { StaffReviewPage } from '../views/staff-review.js';
import { EDITORS, flashOf, staffPage, uuidParam } from './context.js';
import { rawQueryParam } from '../../../core/http/query.js';

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: app.requireStaff([...EDITORS]), schema: { hide: true } };

  app.get('/quan-tri/:unit/ra-soat', guard, async (req, reply) => {
    const u = unitOf(req);
    const items = await withUnit(app.db, u.id, async (trx) => {
      await ensureFixedItems(trx, u.id, u.slug, new Date(), u.type);
      return listPublished(trx);
    });
    return staffPage(req, reply, { title: req.t('transparency.review.title'), current: 'ra-soat' }, <StaffReviewPage req={req} items={items} now={new Date()} flash={flashOf(req)}
      overdueOnly={rawQueryParam(req, 'qua-han') === '1'} />);
  });

  app.post('/quan-tri/:unit/ra-soat/:id', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    const form = await readForm(req);
    const channels = (form.lists.channels ?? []).filter(isChannel) as Channel[];
    const interval = Number(form.fields.interval ?? '');
    if (!Number.isInteger(interval) || interval < 1 || interval > 3650) {
      throw AppError.unprocessable('transparency.error.number').with({ field: req.t('transparency.review.interval') });
    }
    await withUnit(app.db, u.id, async (trx) => {
      const before = await getPublished(trx, id);
      if (!before) throw AppError.notFound('transparency.error.not_found');
      await markReviewed(trx, id, [...new Set(channels)], interval);
      await audit(trx, req, { action: 'transparency.review.mark', entity: 'published_item', entityId: id,
        before: { channels: before.channels, review_interval_days: before.review_interval_days, last_reviewed_at: before.last_reviewed_at },
        after: { channels, review_interval_days: interval } });
    });
    return reply.redirect(`/quan-tri/${u.slug}/ra-soat?da-luu=1`, 303);
  });
}
