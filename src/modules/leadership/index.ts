/**
 * Leadership (criterion 3 — leaders and officials): field visits to residential groups, citizen
 * reception and its book, complaint and denunciation cases with their legal clocks, the
 * confidential conduct-report track fed by the feedback module, officials' profiles, badges,
 * training and discipline, and the criterion-3 indicators.
 */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../core/module.js';
import { captureConductReport, type ConductReportsProvider } from './conduct.js';
import { messages } from './i18n.js';
import { leadershipIndicators } from './indicators.js';
import { leadershipJobs } from './jobs.js';
import { caseRoutes } from './routes/cases.js';
import { conductRoutes } from './routes/conduct.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { officialRoutes } from './routes/officials.js';
import { publicRoutes } from './routes/public.js';
import { receptionRoutes } from './routes/reception.js';
import { visitRoutes } from './routes/visits.js';
import { seedLeadershipDemo } from './seed.js';

export type { ConductReportsProvider, ConductSubmission } from './conduct.js';

declare module '../../core/providers.js' {
  interface ProviderRegistry { conductReports: ConductReportsProvider }
}

async function routes(app: FastifyInstance): Promise<void> {
  for (const r of [dashboardRoutes, caseRoutes, conductRoutes, receptionRoutes, visitRoutes, officialRoutes, publicRoutes]) {
    await app.register(async (scope) => { await r(scope); });
  }
}

export default defineModule({
  name: 'leadership',
  routes,
  seedDemo: seedLeadershipDemo,
  jobs: leadershipJobs,
  provides: { conductReports: { captureConductReport } },
  indicators: leadershipIndicators,
  nav: [{ path: 'quy-tac-ung-xu', label: 'leadership.code.title', description: 'leadership.code.description', order: 70 }],
  staffNav: [{ path: 'lanh-dao', label: 'leadership.title', order: 60 }],
  messages,
});
