import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { nextSession, upcomingSessions, type ReceptionRule } from './lib/reception.js';
import { listReceptionRules } from './repo-reception.js';

export interface NextReception {
  leaderName: string;
  leaderTitle: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
}

/**
 * The next citizen-reception session of a unit that has not ended at `now` (one in progress counts),
 * from its recurring schedule; null when the unit has no active schedule.
 *
 * @example const s = await nextReceptionSession(app.db, req.unit.id, new Date())
 */
export async function nextReceptionSession(db: Kysely<any>, unitId: string, now: Date): Promise<NextReception | null> {
  const rules = await withUnit(db, unitId, listReceptionRules);
  const s = nextSession(rules, now);
  return s ? { leaderName: s.rule.leaderName, leaderTitle: s.rule.leaderTitle, startsAt: s.startsAt, endsAt: s.endsAt, place: s.rule.place } : null;
}

/** The first upcoming occurrence of each rule: the DTSTART of its recurring iCalendar event. */
export function firstOccurrences(rules: ReceptionRule[], now: Date) {
  const sessions = upcomingSessions(rules, now, 70);
  return rules.map((r) => sessions.find((s) => s.rule.id === r.id)).filter((s) => s !== undefined);
}
