/**
 * Feedback (phản ánh, kiến nghị) — criterion 1b: multi-channel intake, public tracking,
 * working-day deadlines with reminders and escalation, weekly mass-organisation intake,
 * public board and Open311 GeoReport v2.
 */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../core/module.js';
import { makeContext } from './context.js';
import { messages } from './i18n.js';
import { feedbackDashboard } from './dashboard.js';
import { feedbackJobs } from './jobs.js';
import { open311Routes } from './open311/routes.js';
import { apiRoutes } from './routes/api.js';
import { inboundRoutes } from './routes/inbound.js';
import { intakeRoutes } from './routes/intake.js';
import { publicRoutes } from './routes/public.js';
import { settingsRoutes } from './routes/settings.js';
import { staffRoutes } from './routes/staff.js';
import { seedFeedbackDemo } from './seed.js';
import { feedbackIndicatorSource } from './indicator-source.js';

export { feedbackIndicators, type FeedbackIndicators } from './stats.js';
export { CATEGORY_CODES, type CategoryCode } from './categories.js';
/** For modules that raise feedback items on a citizen's behalf (leadership: what residents raised on a field visit). */
export { submitFeedback } from './intake.js';
export { makeDeadlineRulesSource } from './work-calendar.js';

async function routes(app: FastifyInstance): Promise<void> {
  const ctx = makeContext(app);
  await app.register(async (scope) => { await apiRoutes(scope, ctx); });
  await app.register(async (scope) => { await inboundRoutes(scope, ctx); });
  await app.register(async (scope) => { await publicRoutes(scope, ctx); });
  await app.register(async (scope) => { await staffRoutes(scope, ctx); });
  await app.register(async (scope) => { await intakeRoutes(scope); });
  await app.register(async (scope) => { await settingsRoutes(scope); });
  await app.register(async (scope) => { await open311Routes(scope, ctx); });
}

export default defineModule({
  name: 'feedback',
  routes,
  seedDemo: seedFeedbackDemo,
  jobs: feedbackJobs,
  indicators: feedbackIndicatorSource,
  nav: [
    { path: 'phan-anh', label: 'feedback.nav.public', description: 'feedback.nav.publicDescription', order: 30 },
    { path: 'phan-anh/cong-khai', label: 'feedback.nav.board', order: 31 },
  ],
  staffNav: [
    { path: 'phan-anh', label: 'feedback.nav.staff', order: 30 },
    { path: 'phan-anh/tiep-nhan-tuan', label: 'feedback.nav.intake', roles: ['leader', 'mass_org_liaison', 'department_officer', 'inspection', 'viewer'], order: 31 },
    { path: 'phan-anh/cau-hinh', label: 'feedback.nav.settings', roles: ['admin'], order: 32 },
  ],
  messages,
  dashboard: feedbackDashboard,
});
