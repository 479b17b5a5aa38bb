/**
 * Community (criterion 4): residential groups' heads and branches, households with encrypted
 * CCCD numbers, city-app adoption, community polls and votes (web with one-time code, paper),
 * and broadcasts to the website, loudspeakers and fanpage/Zalo.
 */
import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { communityIndicators } from './indicators.js';
import { communityRoutes } from './routes.js';
import { seedDemo } from './seed.js';

export { setZaloSender } from './polls/messaging.js';
export { communityIndicators } from './indicators.js';

const STAFF = ['admin', 'leader', 'department_officer', 'mass_org_liaison', 'viewer', 'inspection', 'centre_officer'] as const;

export default defineModule({
  name: 'community',
  routes: communityRoutes,
  seedDemo,
  messages,
  indicators: communityIndicators,
  nav: [
    { path: 'bieu-quyet', label: 'community.nav.polls', description: 'community.nav.polls_description', order: 70 },
    { path: 'thong-bao', label: 'community.nav.broadcasts', description: 'community.nav.broadcasts_description', order: 71 },
  ],
  staffNav: [{ path: 'cong-dong', label: 'community.staff_nav', roles: [...STAFF], order: 70 }],
});
