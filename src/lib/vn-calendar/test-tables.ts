// Test helper only: the shipped tables in data/reference/holidays/ (read by ./shipped.ts).
import type { HolidayYear } from './holiday-types.js';
import { HOLIDAYS_DIR, shippedHolidayYears } from './shipped.js';
import { buildWorkCalendar, type CalendarOverride, type WorkCalendar } from './working-days.js';

export { HOLIDAYS_DIR };

export function shippedTables(): HolidayYear[] {
  return shippedHolidayYears();
}

export function shippedCalendar(overrides: CalendarOverride[] = []): WorkCalendar {
  return buildWorkCalendar(shippedTables(), overrides);
}
