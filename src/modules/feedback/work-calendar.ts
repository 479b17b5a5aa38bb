/**
 * The working-day calendar deadlines are counted on: the calendar module's
 * `getWorkCalendar(db, unitId)` (national tables + the city's and the unit's overrides).
 * When that module is not loaded (THANTHIEN_MODULES without it), the shipped yearly holiday
 * tables (data/reference/holidays/*.json) through src/lib/vn-calendar.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { buildWorkCalendar, parseHolidayYear, type HolidayYear } from '../../lib/vn-calendar/index.js';
import type { WorkingCalendar } from './deadlines.js';
import { getWorkCalendar } from '../calendar/index.js';

export type CalendarSource = (unitId: string) => Promise<WorkingCalendar>;

const HOLIDAY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/holidays');

let shipped: WorkingCalendar | null = null;

/** The national calendar from the shipped tables (read once). */
export function nationalCalendar(): WorkingCalendar {
  if (shipped) return shipped;
  const years: HolidayYear[] = [];
  try {
    for (const f of readdirSync(HOLIDAY_DIR).filter((n) => /^\d{4}\.json$/.test(n))) {
      years.push(parseHolidayYear(JSON.parse(readFileSync(path.join(HOLIDAY_DIR, f), 'utf8'))));
    }
  } catch {
    // No tables shipped: generated years (statutory days + compensatory days) are used.
  }
  shipped = buildWorkCalendar(years);
  return shipped;
}

export function makeCalendarSource(db: Kysely<any>): CalendarSource {
  // After a failure (calendar module not installed) use the national tables for a minute
  // instead of paying a failing query on every submission.
  let fallbackUntil = 0;
  return async (unitId) => {
    if (Date.now() < fallbackUntil) return nationalCalendar();
    try {
      return await getWorkCalendar(db, unitId);
    } catch {
      fallbackUntil = Date.now() + 60_000;
      return nationalCalendar();
    }
  };
}
