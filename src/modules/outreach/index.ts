import { defineModule } from '../../core/module.js';
import { outreachIndicators } from './indicators.js';
import { messages } from './i18n.js';
import { outreachRoutes } from './routes.js';
import { seedOutreachDemo } from './seed.js';

export { chooseHonorific, type Honorific } from './domain/honorific.js';

export default defineModule({
  name: 'outreach',
  routes: outreachRoutes,
  seedDemo: seedOutreachDemo,
  indicators: outreachIndicators,
  messages,
  nav: [
    { path: 'tinh-nguyen', label: 'outreach.nav.volunteers', description: 'outreach.nav.volunteers_desc', order: 70 },
  ],
  staffNav: [
    { path: 'thu', label: 'outreach.nav.letters', roles: ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection'], order: 40 },
    { path: 'tinh-nguyen', label: 'outreach.nav.volunteers_staff', roles: ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection'], order: 42 },
  ],
});
