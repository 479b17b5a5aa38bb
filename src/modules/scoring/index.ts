import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { scoringRoutes } from './routes.js';
import { seedDemo } from './seed.js';

export { DEFAULT_RUBRIC } from './rubric/default-rubric.js';
export type { Rubric } from './rubric/model.js';

export default defineModule({
  name: 'scoring',
  routes: scoringRoutes,
  seedDemo,
  nav: [{ path: 'chinh-quyen-than-thien', label: 'scoring.nav', description: 'scoring.nav_description', order: 90 }],
  staffNav: [{ path: 'tieu-chi', label: 'scoring.staff_nav', order: 90 }],
  messages,
});
