import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { provider } from '../../core/providers.js';
import { nationalCalendar } from '../../lib/vn-calendar/index.js';
import { nextSession, skippedSessions, upcomingSessions, type HolidayLookup, type ReceptionRule } from './lib/reception.js';
import { listReceptionRules } from './repo-reception.js';

/**
 * Public holidays and days off of the unit's work calendar (the calendar module: yearly tables,
 * the city's and the unit's overrides), as a lookup for the reception schedule. Ordinary weekends
 * are not listed: a rule on a weekday simply never falls on them. Without the calendar module
 * loaded, the national tables apply.
 */
export async function receptionHolidays(db: Kysely<any>, unitId: string): Promise<HolidayLookup> {
  const p = provider('workCalendar');
  const cal = p ? await p.calendar(db, unitId) : nationalCalendar();
  const years = new Map<number, Map<string, { vi: string; en: string }>>();
  return (date) => {
    const year = Number(date.slice(0, 4));
    let days = years.get(year);
    if (!days) years.set(year, (days = new Map(cal.holidaysOf(year).days_off.map((d) => [d.date, { vi: d.name_vi, en: d.name_en }]))));
    return days.get(date) ?? null;
  };
}

/** Rules and holidays of a unit, loaded together. */
export async function loadReception(db: Kysely<any>, unitId: string) {
  const [rules, holiday] = await Promise.all([withUnit(db, unitId, listReceptionRules), receptionHolidays(db, unitId)]);
  return { rules, holiday };
}

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
  const { rules, holiday } = await loadReception(db, unitId);
  const s = nextSession(rules, now, holiday);
  return s ? { leaderName: s.rule.leaderName, leaderTitle: s.rule.leaderTitle, startsAt: s.startsAt, endsAt: s.endsAt, place: s.rule.place } : null;
}

/** How far ahead the feed lists holidays as EXDATEs: a year and a bit, so next Tết is covered. */
export const EXDATE_HORIZON_DAYS = 400;

/**
 * The first upcoming occurrence of each rule that is held (the DTSTART of its recurring
 * iCalendar event) with the later occurrences that fall on holidays (its EXDATEs).
 */
export function firstOccurrences(rules: ReceptionRule[], now: Date, holiday?: HolidayLookup) {
  const sessions = upcomingSessions(rules, now, 100, holiday);
  const skipped = holiday ? skippedSessions(rules, now, EXDATE_HORIZON_DAYS, holiday) : [];
  return rules.flatMap((r) => {
    const first = sessions.find((s) => s.rule.id === r.id);
    if (!first) return [];
    const except = skipped.filter((s) => s.rule.id === r.id && s.startsAt.getTime() > first.startsAt.getTime()).map((s) => s.startsAt);
    return [{ ...first, except }];
  });
}
