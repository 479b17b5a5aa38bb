import { defineModule } from '../../core/module.js';
import { schedule } from '../../core/jobs.js';
import { messages } from './i18n.js';
import { transparencyRoutes } from './routes/index.js';
import { seedDemo } from './seed.js';
import { ensureStandardPublishedItems } from './published-service.js';
import { receptionHomeWidget } from './home-widget.js';
import { transparencyIndicatorSource } from './indicator-source.js';
import { REVIEW_REMINDER_JOB, sendReviewReminders } from './review-reminders.js';

export { nextReceptionSession, type NextReception } from './service.js';
export {
  recordPublishedItems, withdrawPublishedItems, syncPublishedItems, confirmPublishedItemReviewed, ensureStandardPublishedItems,
  type PublishedItemInput,
} from './published-service.js';
export type { Channel } from './lib/freshness.js';
export type { OnlineStatsSource } from './stats-source.js';
export type { MonthlyFigure } from './lib/rates.js';

const EDITORS = ['admin', 'leader'] as const;

export default defineModule({
  name: 'transparency',
  routes: transparencyRoutes,
  // Every unit starts with its standard published items (not only once someone opens /ra-soat).
  seedReference: async ({ db, now }) => { await ensureStandardPublishedItems(db, now); },
  seedDemo,
  messages,
  homeWidget: receptionHomeWidget,
  indicators: transparencyIndicatorSource,
  jobs: async (boss, app) => {
    // Every morning at 07:00 Vietnam time: one email per unit listing items newly overdue for review.
    await schedule(boss, REVIEW_REMINDER_JOB, '0 7 * * *', async () => {
      await sendReviewReminders(app.db, app.config.publicUrl);
    });
  },
  nav: [
    { path: 'danh-ba', label: 'transparency.nav.directory', description: 'transparency.nav.directory_desc', order: 20 },
    { path: 'lich-cong-tac', label: 'transparency.nav.calendar', description: 'transparency.nav.calendar_desc', order: 21 },
    { path: 'tiep-cong-dan', label: 'transparency.nav.reception', description: 'transparency.nav.reception_desc', order: 22 },
    { path: 'cong-khai', label: 'transparency.nav.disclosures', description: 'transparency.nav.disclosures_desc', order: 23 },
    { path: 'thong-ke', label: 'transparency.nav.stats', description: 'transparency.nav.stats_desc', order: 24 },
  ],
  staffNav: [
    { path: 'danh-ba', label: 'transparency.nav.directory', roles: [...EDITORS], order: 40 },
    { path: 'lich-cong-tac', label: 'transparency.nav.calendar', roles: [...EDITORS], order: 41 },
    { path: 'tiep-cong-dan', label: 'transparency.nav.reception', roles: [...EDITORS], order: 42 },
    { path: 'cong-khai', label: 'transparency.nav.disclosures', roles: [...EDITORS], order: 43 },
    { path: 'thong-ke', label: 'transparency.nav.stats', roles: [...EDITORS], order: 44 },
    { path: 'ra-soat', label: 'transparency.nav.review', roles: [...EDITORS], order: 45 },
  ],
});
