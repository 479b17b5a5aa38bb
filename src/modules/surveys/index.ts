import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { surveyRoutes } from './routes.js';
import { seedDemo, seedReference } from './seed.js';
import { surveyIndicatorSource } from './indicator-source.js';
import { centreSurveyPath } from './links.js';

declare module '../../core/providers.js' {
  interface ProviderRegistry {
    /** The published centre satisfaction survey of a unit (the centre shows it after service). */
    centreSurvey: { centreSurveyPath: typeof centreSurveyPath };
  }
}

export { satisfactionIndex } from './satisfaction-index.js';
export { centreSurveyPath } from './links.js';
export type { SatisfactionIndex } from './satisfaction.js';
export { setSmsSender, type SmsSender } from './sms.js';

export default defineModule({
  name: 'surveys',
  routes: surveyRoutes,
  seedReference,
  seedDemo,
  nav: [{ path: 'khao-sat', label: 'surveys.nav', description: 'surveys.nav_description', order: 60 }],
  staffNav: [{ path: 'khao-sat', label: 'surveys.staff_nav', roles: ['admin', 'leader', 'centre_officer', 'viewer', 'inspection'], order: 60 }],
  messages,
  indicators: surveyIndicatorSource,
  provides: { centreSurvey: { centreSurveyPath } },
});
