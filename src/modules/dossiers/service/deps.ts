import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/audit.js';
import { provider } from '../../../core/providers.js';
import { type DeadlineRules, type WorkCalendar, nationalRules } from '../../../lib/vn-calendar/index.js';

/** What the dossier services need from outside: the app-role database, a clock and the calendar. */
export interface DossierDeps {
  db: Kysely<any>;
  now: () => Date;
  /** The working-day calendar of a unit (give the dossier's deciding unit, `unit_id`). */
  calendar: (unitId: string) => Promise<WorkCalendar>;
  /** Calendar, office hours and unit-wide cut-off of a unit (the deciding unit's count the deadline). */
  rules: (unitId: string) => Promise<DeadlineRules>;
  /** The installation's public address (PUBLIC_URL), for the look-up link printed as a QR code. */
  publicUrl?: () => string;
}

/** The officer acting, for the timeline and the audit log. */
export interface Officer { id: string | null; name: string; actor: Actor }

/**
 * The unit's deadline rules through the calendar module's `workCalendar` provider; the national
 * rules (shipped tables, default office hours, no unit cut-off) only when that module is not
 * installed. Errors of an installed calendar module surface.
 */
export function rulesSource(db: Kysely<any>): (unitId: string) => Promise<DeadlineRules> {
  return async (unitId) => {
    const p = provider('workCalendar');
    return p ? p.rules(db, unitId) : nationalRules();
  };
}

/** The calendar and the cut-off that count a dossier's deadline: always those of its deciding unit. */
export function deadlineRules(deps: DossierDeps, decidingUnitId: string): Promise<DeadlineRules> {
  return deps.rules(decidingUnitId);
}

export function makeDeps(db: Kysely<any>, now: () => Date = () => new Date()): DossierDeps {
  const rules = rulesSource(db);
  return { db, now, rules, calendar: async (unitId) => (await rules(unitId)).calendar };
}
