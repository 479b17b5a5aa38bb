import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { getWorkCalendar } from '../calendar/index.js';
import type { OffReason } from '../../lib/vn-calendar/index.js';

/** What booking needs of the unit's working-day calendar. */
export interface DayCalendar {
  isWorkingDay(day: string): boolean;
  offReason(day: string): OffReason | null;
}

/**
 * The unit's working-day calendar through the calendar module's service (holiday tables, the
 * city's and the unit's overrides, cached there). Should the unit's overrides be unreadable (the
 * calendar module not installed), the national calendar is used and a warning logged.
 */
export async function unitCalendar(db: Kysely<any>, unitId: string, log?: FastifyBaseLogger): Promise<DayCalendar> {
  try {
    return await getWorkCalendar(db, unitId);
  } catch (err) {
    log?.warn({ err }, 'centre: unit calendar unavailable, using the national calendar');
    return getWorkCalendar(db, null);
  }
}

/** The first working day strictly after `day`, within `maxDays` (null when none). */
export function nextWorkingDay(cal: DayCalendar, day: string, maxDays = 30): string | null {
  let t = Date.parse(`${day}T00:00:00Z`);
  for (let i = 0; i < maxDays; i++) {
    t += 86_400_000;
    const d = new Date(t).toISOString().slice(0, 10);
    if (cal.isWorkingDay(d)) return d;
  }
  return null;
}
