import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { apiRoutes } from './routes-api.js';
import { pageRoutes } from './routes-pages.js';
import { CHANGE_CHANNEL, invalidateWorkCalendars } from './service.js';

/**
 * For other modules (dossiers, feedback): the unit's calendar with the city's and the unit's
 * overrides applied, and the unit's cut-off time.
 * @example
 * import { getWorkCalendar, getUnitCutoff } from '../calendar/index.js';
 * const cal = await getWorkCalendar(app.db, unitId);
 * dueDate(cal, { acceptedAt, workingDays: 5, cutoff: await getUnitCutoff(app.db, unitId) });
 */
export { getWorkCalendar, getUnitCutoff, effectiveOverrides, invalidateWorkCalendars } from './service.js';
export { shippedHolidayYears } from './tables.js';

export default defineModule({
  name: 'calendar',
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
  },
  nav: [{ path: 'lich-nghi', label: 'calendar.nav', description: 'calendar.nav_description', order: 90 }],
  staffNav: [{ path: 'lich-nghi', label: 'calendar.staff_nav', roles: ['admin', 'leader'], order: 90 }],
  messages,
});
