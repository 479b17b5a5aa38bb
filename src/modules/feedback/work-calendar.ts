/**
 * The working-day calendar a unit's deadlines are counted on. Until the calendar module
 * (`src/modules/calendar`) is available this falls back to Monday–Friday; the swap is one line.
 */
import type { Kysely } from 'kysely';
import { weekdayCalendar, type WorkingCalendar } from './deadlines.js';

export type CalendarSource = (unitId: string) => Promise<WorkingCalendar>;

export function makeCalendarSource(_db: Kysely<any>): CalendarSource {
  return async () => weekdayCalendar;
}
