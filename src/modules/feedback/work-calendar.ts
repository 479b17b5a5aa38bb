/**
 * The working-day calendar deadlines are counted on: the shipped yearly holiday tables
 * (data/reference/holidays/*.json, generated for other years) through src/lib/vn-calendar.
 * When the calendar module (`getWorkCalendar(db, unitId)`, with a unit's own overrides) is
 * available, `makeCalendarSource` is the one place to switch to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { buildWorkCalendar, parseHolidayYear, type HolidayYear } from '../../lib/vn-calendar/index.js';
import type { WorkingCalendar } from './deadlines.js';

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

export function makeCalendarSource(_db: Kysely<any>): CalendarSource {
  return async () => nationalCalendar();
}
