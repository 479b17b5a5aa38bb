import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { centreDashboard } from './dashboard.js';
import { centreRoutes } from './routes/index.js';
import { seedCentreDemo } from './seed.js';
import { centreIndicatorSource } from './indicator-source.js';

export { centreIndicators, type CentreIndicators } from './indicators.js';
export { createReceptionRatingLink } from './reception-link.js';
export { officerRatings, type OfficerRatings } from './officer-ratings.js';

export default defineModule({
  name: 'centre',
  routes: centreRoutes,
  seedDemo: seedCentreDemo,
  messages,
  indicators: centreIndicatorSource,
  nav: [
    { path: 'quay/lay-so', label: 'centre.nav.kiosk', description: 'centre.nav.kiosk_desc', order: 40 },
    { path: 'quay/dat-lich', label: 'centre.nav.booking', description: 'centre.nav.booking_desc', order: 41 },
  ],
  staffNav: [
    { path: 'quay', label: 'centre.nav.staff', roles: ['admin', 'centre_officer', 'leader'], order: 30 },
    { path: 'quay/thong-ke', label: 'centre.nav.stats', roles: ['admin', 'centre_officer', 'leader', 'inspection'], order: 31 },
  ],
  dashboard: centreDashboard,
});
