import { isoWeekdayOf, vnDayStart } from '../../../lib/vn-calendar/index.js';

/** Booking slots: fixed-length slots inside the centre's morning and afternoon sessions. */
export interface SlotConfig { sessions: Array<[string, string]>; slotMinutes: number; maxDaysAhead: number }
export const DEFAULT_SLOTS: SlotConfig = { sessions: [['07:30', '11:30'], ['13:30', '17:00']], slotMinutes: 30, maxDaysAhead: 14 };

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Slot start times of a day: `['07:30', '08:00', …, '16:30']`. */
export function daySlots(cfg: SlotConfig = DEFAULT_SLOTS): string[] {
  const out: string[] = [];
  for (const [from, to] of cfg.sessions) {
    for (let m = toMin(from); m + cfg.slotMinutes <= toMin(to); m += cfg.slotMinutes) out.push(toHhmm(m));
  }
  return out;
}

/** The UTC instant a slot starts. */
export const slotStart = (day: string, hhmm: string): Date => new Date(vnDayStart(day).getTime() + toMin(hhmm) * 60_000);

/** Monday–Friday: the fallback when no working-day calendar is given (tests, demo seed). */
export function isWeekday(day: string): boolean {
  return isoWeekdayOf(day) <= 5;
}

export type SlotProblem = 'bad_day' | 'bad_slot' | 'past' | 'too_far' | 'closed';

/**
 * Why a slot cannot be booked at `now`, or null when it can. `isWorkingDay` is the unit's
 * working-day calendar (holidays, compensatory days, working Saturdays, the city's and the unit's
 * overrides: the calendar module's `getWorkCalendar`).
 */
export function slotProblem(day: string, hhmm: string, now: Date, cfg: SlotConfig = DEFAULT_SLOTS,
  isWorkingDay: (day: string) => boolean = isWeekday): SlotProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) return 'bad_day';
  if (!daySlots(cfg).includes(hhmm)) return 'bad_slot';
  const start = slotStart(day, hhmm);
  if (start.getTime() <= now.getTime()) return 'past';
  if (start.getTime() - now.getTime() > cfg.maxDaysAhead * 86_400_000) return 'too_far';
  if (!isWorkingDay(day)) return 'closed';
  return null;
}
