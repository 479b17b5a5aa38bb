// Test helper only (reads files): the shipped tables in data/reference/holidays/.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type HolidayYear, parseHolidayYear } from './holidays.js';
import { buildWorkCalendar, type CalendarOverride, type WorkCalendar } from './working-days.js';

export const HOLIDAYS_DIR = fileURLToPath(new URL('../../../data/reference/holidays/', import.meta.url));

export function shippedTables(): HolidayYear[] {
  return readdirSync(HOLIDAYS_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => parseHolidayYear(JSON.parse(readFileSync(HOLIDAYS_DIR + f, 'utf8'))));
}

export function shippedCalendar(overrides: CalendarOverride[] = []): WorkCalendar {
  return buildWorkCalendar(shippedTables(), overrides);
}
