import { defineModule } from '../../core/module.js';
import { outreachIndicators } from './indicators.js';
import { messages } from './i18n.js';
import { outreachRoutes } from './routes.js';
import { seedOutreachDemo } from './seed.js';
import { schedule } from '../../core/jobs.js';
import { sendGreetingReminders } from './greetings.js';

export { chooseHonorific, type Honorific } from './domain/honorific.js';

export default defineModule({
  name: 'outreach',
  routes: outreachRoutes,
  seedDemo: seedOutreachDemo,
  indicators: outreachIndicators,
  // 07:00 every day (Vietnam time): ten days before an occasion, ask each ward to draft the greeting.
  jobs: async (boss, app) => {
    await schedule(boss, 'outreach-greeting-reminders', '0 7 * * *', async () => {
      app.log.info({ reminders: await sendGreetingReminders(app.ownerDb, new Date()) }, 'outreach greeting reminders');
    });
  },
  messages,
  nav: [
    { path: 'tinh-nguyen', label: 'outreach.nav.volunteers', description: 'outreach.nav.volunteers_desc', order: 70 },
    { path: 'loi-chuc', label: 'outreach.nav.greetings', description: 'outreach.nav.greetings_desc', order: 71 },
  ],
  staffNav: [
    { path: 'thu', label: 'outreach.nav.letters', roles: ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection'], order: 40 },
    { path: 'loi-chuc', label: 'outreach.nav.greetings_staff', roles: ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection'], order: 41 },
    { path: 'nguoi-dong-gop', label: 'outreach.nav.contributors', roles: ['admin', 'leader', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection'], order: 43 },
    { path: 'tinh-nguyen', label: 'outreach.nav.volunteers_staff', roles: ['admin', 'leader', 'centre_officer', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection'], order: 42 },
  ],
});
