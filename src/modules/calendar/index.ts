import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { apiRoutes } from './routes-api.js';
import { pageRoutes } from './routes-pages.js';
import { importRoutes } from './routes-import.js';
import { CHANGE_CHANNEL, invalidateWorkCalendars } from './service.js';
import { type WorkCalendarProvider, workCalendarProvider } from './provider.js';

declare module '../../core/providers.js' {
  interface ProviderRegistry { workCalendar: WorkCalendarProvider }
}
export type { WorkCalendarProvider };

/**
 * Other modules read the unit's calendar through the `workCalendar` provider:
 * @example
 * import { provider } from '../../core/providers.js';
 * const rules = await (provider('workCalendar')?.rules(db, unitId) ?? nationalRules());
 * These direct exports remain for the calendar's own tests and pages.
 */
export { getWorkCalendar, getUnitCutoff, getDeadlineRules, effectiveOverrides, invalidateWorkCalendars } from './service.js';

export default defineModule({
  name: 'calendar',
  provides: { workCalendar: workCalendarProvider },
  routes: async (app) => {
    // Another instance changed an override: drop this instance's cached calendars too (the
    // five-minute cache lifetime covers a missed notification).
    try {
      await app.realtime.subscribe(CHANGE_CHANNEL, () => invalidateWorkCalendars(app.db));
    } catch (err) {
      app.log.warn({ err }, 'calendar: LISTEN failed; cached calendars expire after five minutes');
    }
    await apiRoutes(app);
    await pageRoutes(app);
    await importRoutes(app);
  },
  nav: [{ path: 'lich-nghi', label: 'calendar.nav', description: 'calendar.nav_description', order: 90 }],
  staffNav: [{ path: 'lich-nghi', label: 'calendar.staff_nav', roles: ['admin', 'leader'], order: 90 }],
  messages,
});
