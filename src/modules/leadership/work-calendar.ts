/**
 * The one place this module reaches the working-day calendar (denunciation acceptance is counted
 * in working days). Today: the calendar module's `getWorkCalendar`; when the typed provider
 * `provider('workCalendar')` lands, only this file changes.
 */
import type { Kysely } from 'kysely';
import { addWorkingDays, type WorkCalendar } from '../../lib/vn-calendar/index.js';
import { getWorkCalendar } from '../calendar/index.js';

export type { WorkCalendar };

/** The unit's calendar (national tables + city and unit overrides); the national one if the overrides cannot be read. */
export async function unitCalendar(db: Kysely<any>, unitId: string): Promise<WorkCalendar> {
  try {
    return await getWorkCalendar(db, unitId);
  } catch {
    return getWorkCalendar(db, null);
  }
}

/** The n-th working day after `date` (the day of receipt is not counted, Civil Code art. 147). */
export const workingDaysAfter = (cal: WorkCalendar, date: string, n: number): string => addWorkingDays(cal, date, n);
