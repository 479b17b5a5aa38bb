
import { addDays, isoWeekdayOf, vnParts, vnWallInstant } from '../../../lib/vn-calendar/index.js';
/** A recurring citizen-reception slot (Law on Citizen Reception art. 15: chairman ≥ 1 day a week). */
export interface ReceptionRule {
  id: string;
  leaderName: string;
  leaderTitle: string;
  recurrence: 'weekly' | 'monthly';
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** For monthly slots: 1–4 = that occurrence of the weekday in the month, 5 = the last one. */
  weekOfMonth: number | null;
  startTime: string;
  endTime: string;
  place: string;
}

export interface ReceptionSession { rule: ReceptionRule; startsAt: Date; endsAt: Date }

/** Why no session is held on a `yyyy-mm-dd` date (a public holiday, a day off), or null. */
export type HolidayLookup = (date: string) => { vi: string; en: string } | null;

export interface SkippedSession extends ReceptionSession { reason: { vi: string; en: string } }

const hm = (t: string) => t.split(':').map(Number) as [number, number];

/** Whether a rule holds a session on a `yyyy-mm-dd` date. */
export function occursOn(rule: ReceptionRule, date: string): boolean {
  if (isoWeekdayOf(date) !== rule.weekday) return false;
  if (rule.recurrence === 'weekly') return true;
  const day = Number(date.slice(8, 10));
  const nth = Math.ceil(day / 7);
  if (rule.weekOfMonth === 5) return addDays(date, 7).slice(5, 7) !== date.slice(5, 7);
  return nth === rule.weekOfMonth;
}

function sessionOn(rule: ReceptionRule, date: string): ReceptionSession {
  const [y, m, d] = date.split('-').map(Number);
  const [sh, sm] = hm(rule.startTime);
  const [eh, em] = hm(rule.endTime);
  return { rule, startsAt: vnWallInstant(y, m, d, sh, sm), endsAt: vnWallInstant(y, m, d, eh, em) };
}

/** Every occurrence that has not ended at `now` over the next `horizonDays` days, with the holiday it falls on. */
function occurrences(rules: ReceptionRule[], now: Date, horizonDays: number, holiday?: HolidayLookup) {
  const p = vnParts(now);
  const today = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  const out: { session: ReceptionSession; reason: { vi: string; en: string } | null }[] = [];
  for (let i = 0; i <= horizonDays; i++) {
    const date = addDays(today, i);
    for (const rule of rules) {
      if (!occursOn(rule, date)) continue;
      const s = sessionOn(rule, date);
      if (s.endsAt.getTime() > now.getTime()) out.push({ session: s, reason: holiday?.(date) ?? null });
    }
  }
  return out.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
}

/**
 * Sessions that have not ended at `now`, in order, over the next `horizonDays` days; none on a
 * day `holiday` names (public holidays and days off of the unit's work calendar).
 */
export function upcomingSessions(rules: ReceptionRule[], now: Date, horizonDays = 62, holiday?: HolidayLookup): ReceptionSession[] {
  return occurrences(rules, now, horizonDays, holiday).filter((o) => !o.reason).map((o) => o.session);
}

/** The occurrences over the next `horizonDays` days that are not held because of a holiday (the feed's EXDATEs). */
export function skippedSessions(rules: ReceptionRule[], now: Date, horizonDays: number, holiday: HolidayLookup): SkippedSession[] {
  return occurrences(rules, now, horizonDays, holiday).flatMap((o) => (o.reason ? [{ ...o.session, reason: o.reason }] : []));
}

export const nextSession = (rules: ReceptionRule[], now: Date, holiday?: HolidayLookup): ReceptionSession | null =>
  upcomingSessions(rules, now, 62, holiday)[0] ?? null;
