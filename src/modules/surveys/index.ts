import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { surveyRoutes } from './routes.js';
import { seedDemo, seedReference } from './seed.js';
import { smsSender } from './sms.js';
import { surveyIndicatorSource } from './indicator-source.js';
import { centreSurveyPath } from './links.js';

/** Text messages through the installation's SMS gateway (`setSmsSender`), for any module. */
export interface SmsProvider {
  send(log: { info(obj: object, msg?: string): void }, to: string, text: string): Promise<void>;
}

declare module '../../core/providers.js' {
  interface ProviderRegistry {
    /** The published centre satisfaction survey of a unit (the centre shows it after service). */
    centreSurvey: { centreSurveyPath: typeof centreSurveyPath };
    sms: SmsProvider;
  }
}

export { satisfactionIndex } from './satisfaction-index.js';
export { centreSurveyPath } from './links.js';
export type { SatisfactionIndex } from './satisfaction.js';
export { setSmsSender, smsSender, devOutbox, type SmsSender } from './sms.js';
// Phone one-time codes, shared with the community module's votes.
export { canSpend, checkOtp, generateCode, hashCode, normalisePhone, OTP_MAX_ATTEMPTS, OTP_TTL_MS, type OtpCheck } from './otp.js';

export default defineModule({
  name: 'surveys',
  routes: surveyRoutes,
  seedReference,
  seedDemo,
  nav: [{ path: 'khao-sat', label: 'surveys.nav', description: 'surveys.nav_description', order: 60 }],
  staffNav: [{ path: 'khao-sat', label: 'surveys.staff_nav', roles: ['admin', 'leader', 'centre_officer', 'viewer', 'inspection'], order: 60 }],
  messages,
  indicators: surveyIndicatorSource,
  provides: { centreSurvey: { centreSurveyPath }, sms: { send: (log, to, text) => smsSender(log).send(to, text) } },
});
