/**
 * The one reader of the shipped yearly holiday tables (data/reference/holidays/<year>.json),
 * read and checked once per process. A new year's table is added by dropping its JSON file
 * there (or imported by staff through the calendar module); no code change.
 * This is the lib's only file access; everything else here is pure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HolidayYear } from './holiday-types.js';
import { parseHolidayYear } from './holidays.js';
import { type CalendarOverride, type WorkCalendar, buildWorkCalendar } from './working-days.js';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from './working-hours.js';

export const HOLIDAYS_DIR = fileURLToPath(new URL('../../../data/reference/holidays/', import.meta.url));
let cached: HolidayYear[] | null = null;
let national: WorkCalendar | null = null;

/** @example shippedHolidayYears().map((t) => t.year) // [2025, 2026, 2027] */
export function shippedHolidayYears(): HolidayYear[] {
  cached ??= readdirSync(HOLIDAYS_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => parseHolidayYear(JSON.parse(readFileSync(HOLIDAYS_DIR + f, 'utf8'))));
  return cached;
}

/** The national calendar of the shipped tables (years without one are generated). */
export function nationalCalendar(overrides: CalendarOverride[] = []): WorkCalendar {
  if (overrides.length) return buildWorkCalendar(shippedHolidayYears(), overrides);
  national ??= buildWorkCalendar(shippedHolidayYears());
  return national;
}

/** What counting a deadline needs from a unit: its calendar, office hours and unit-wide cut-off. */
export interface DeadlineRules {
  calendar: WorkCalendar;
  workingHours: WorkingHours;
  /** 'HH:MM', or null (the default: no unit-wide cut-off). */
  unitCutoff: string | null;
}

/** The national rules: shipped tables, default office hours, no unit-wide cut-off. */
export function nationalRules(): DeadlineRules {
  return { calendar: nationalCalendar(), workingHours: DEFAULT_WORKING_HOURS, unitCutoff: null };
}
