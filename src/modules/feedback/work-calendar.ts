/**
 * The deadline rules feedback is counted with: the unit's calendar, office hours and unit-wide
 * cut-off through the calendar module's `workCalendar` provider (national tables + the city's and
 * the unit's overrides); the national rules of src/lib/vn-calendar only when that module is not
 * installed. Errors of an installed calendar module surface.
 */
import type { Kysely } from 'kysely';
import { provider } from '../../core/providers.js';
import { nationalRules } from '../../lib/vn-calendar/index.js';
import type { DeadlineRulesSource } from './deadlines.js';

export function makeDeadlineRulesSource(db: Kysely<any>): DeadlineRulesSource {
  return async (unitId) => {
    const p = provider('workCalendar');
    return p ? p.rules(db, unitId) : nationalRules();
  };
}
