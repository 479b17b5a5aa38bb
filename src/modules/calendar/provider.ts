/**
 * The `workCalendar` provider: how every other module reads a unit's working calendar (declared
 * in index.ts through defineModule `provides`). Consumers call `provider('workCalendar')` and
 * fall back to `nationalRules()` / `nationalCalendar()` of src/lib/vn-calendar only when the
 * calendar module is not installed.
 */
import type { Kysely } from 'kysely';
import type { DeadlineRules, WorkCalendar } from '../../lib/vn-calendar/index.js';
import { getDeadlineRules, getWorkCalendar } from './service.js';

export interface WorkCalendarProvider {
  /** The unit's calendar (imported tables and overrides applied); the national one for null. */
  calendar(db: Kysely<any>, unitId: string | null): Promise<WorkCalendar>;
  /** Calendar, office hours and unit-wide cut-off of a unit. */
  rules(db: Kysely<any>, unitId: string): Promise<DeadlineRules>;
}

export const workCalendarProvider: WorkCalendarProvider = {
  calendar: (db, unitId) => getWorkCalendar(db, unitId),
  rules: (db, unitId) => getDeadlineRules(db, unitId),
};
