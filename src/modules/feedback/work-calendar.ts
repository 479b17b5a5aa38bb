/**
 * The working-day calendar feedback deadlines are counted on: the unit's calendar through the
 * calendar module's `workCalendar` provider (national tables + the city's and the unit's
 * overrides); the national calendar of src/lib/vn-calendar only when that module is not installed.
 */
import type { Kysely } from 'kysely';
import { provider } from '../../core/providers.js';
import { nationalCalendar as shippedNational } from '../../lib/vn-calendar/index.js';
import type { WorkingCalendar } from './deadlines.js';

export type CalendarSource = (unitId: string) => Promise<WorkingCalendar>;

/** The national calendar from the shipped tables (the one reader in src/lib/vn-calendar/shipped.ts). */
export function nationalCalendar(): WorkingCalendar {
  return shippedNational();
}

export function makeCalendarSource(db: Kysely<any>): CalendarSource {
  return async (unitId) => {
    const p = provider('workCalendar');
    return p ? p.calendar(db, unitId) : shippedNational();
  };
}
