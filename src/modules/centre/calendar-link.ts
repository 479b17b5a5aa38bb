import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { provider } from '../../core/providers.js';
import { addDays, nationalCalendar, type OffReason } from '../../lib/vn-calendar/index.js';

/** What booking needs of the unit's working-day calendar. */
export interface DayCalendar {
  isWorkingDay(day: string): boolean;
  offReason(day: string): OffReason | null;
}

/**
 * The unit's working-day calendar through the calendar module's `workCalendar` provider (holiday
 * tables, the city's and the unit's overrides, cached there); the national calendar only when the
 * calendar module is not installed. Other errors surface.
 */
export async function unitCalendar(db: Kysely<any>, unitId: string, log?: FastifyBaseLogger): Promise<DayCalendar> {
  const p = provider('workCalendar');
  if (!p) {
    log?.debug('centre: calendar module not installed, using the national calendar');
    return nationalCalendar();
  }
  return p.calendar(db, unitId);
}

/** The first working day strictly after `day`, within `maxDays` (null when none). */
export function nextWorkingDay(cal: DayCalendar, day: string, maxDays = 30): string | null {
  for (let i = 1; i <= maxDays; i++) {
    const d = addDays(day, i);
    if (cal.isWorkingDay(d)) return d;
  }
  return null;
}
