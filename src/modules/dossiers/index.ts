import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { dossierDashboard } from './dashboard.js';
import { dossierJobs } from './jobs.js';
import { seedDemoDossiers } from './seed.js';
import { apiIntakeRoutes } from './routes/api-intake.js';
import { formRoutes } from './routes/forms.js';
import { importRoutes } from './routes/import.js';
import { homeRoutes } from './routes/home.js';
import { settingsRoutes } from './routes/settings.js';
import { publicRoutes } from './routes/public.js';
import { staffRoutes } from './routes/staff.js';
import { statsRoutes } from './routes/stats.js';
import { dossierOnlineStats } from './stats/online-source.js';
import { dossierIndicatorSource } from './stats/indicator-source.js';
import type { OnlineStatsSource } from '../transparency/index.js';
import { findDossierByCode } from './service/by-code.js';
import { dueRecomputation, type DueRecomputation } from './service/due-provider.js';

export { publicLookup, type PublicDossierStatus } from './service/lookup.js';
export { findDossierByCode, type DossierRef } from './service/by-code.js';
export { type DueChange, type DueChangeRow } from './service/recompute-due.js';
export { type DueRecomputation } from './service/due-provider.js';
export { apologyCounts, dossierStats, monthlyFigures, type ApologyCounts, type DossierStats } from './stats/stats.js';
export { dossierOnlineStats } from './stats/online-source.js';
export {
  LETTER_PROCEDURES, apologisedDossiers, letterKindOfProcedure, dossierForLetter, dossiersForLetters, overdueDossierCodes, type DossierLetterRef,
} from './service/letter-refs.js';

declare module '../../core/providers.js' {
  interface ProviderRegistry {
    /** Live online-procedure figures for the transparency module's statistics page. */
    onlineStats: OnlineStatsSource;
    /** A dossier of the unit by its code (the centre links a counter ticket to it). */
    dossierLookup: { findDossierByCode: typeof findDossierByCode };
    /** Recounts open dossiers' due dates after a calendar change (the calendar module's import). */
    dueRecomputation: DueRecomputation;
  }
}

export default defineModule({
  name: 'dossiers',
  routes: async (app) => {
    await publicRoutes(app);
    await staffRoutes(app);
    await apiIntakeRoutes(app);
    await formRoutes(app);
    await statsRoutes(app);
    await importRoutes(app);
    await settingsRoutes(app);
    await homeRoutes(app);
  },
  provides: { onlineStats: dossierOnlineStats, dossierLookup: { findDossierByCode }, dueRecomputation },
  indicators: dossierIndicatorSource,
  jobs: dossierJobs,
  seedDemo: seedDemoDossiers,
  nav: [
    { path: 'tra-cuu-ho-so', label: 'dossiers.nav', description: 'dossiers.nav_description', order: 20 },
    { path: 'phuc-vu-tai-nha', label: 'dossiers.nav_home', description: 'dossiers.nav_home_description', order: 22 },
    { path: 'ngay-giai-quyet-nhanh', label: 'dossiers.nav_fast', description: 'dossiers.nav_fast_description', order: 21 },
  ],
  staffNav: [{ path: 'ho-so', label: 'dossiers.staff_nav', order: 20 }],
  messages,
  dashboard: dossierDashboard,
});
