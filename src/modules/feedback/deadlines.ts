/** Working-day arithmetic for feedback deadlines, against an injected calendar. */

/** The only thing the feedback module needs from a work calendar. */
export interface WorkingCalendar {
  /** `date` is an ISO day `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
  isWorkingDay(date: string): boolean;
}

/** Monday–Friday calendar without holidays: a fallback until a unit's calendar is loaded. */
export const weekdayCalendar: WorkingCalendar = {
  isWorkingDay: (date) => {
    const d = new Date(`${date}T00:00:00Z`).getUTCDay();
    return d !== 0 && d !== 6;
  },
};

const DAY_MS = 86_400_000;

export const addDays = (isoDay: string, n: number): string =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export const vnDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Due day for `workingDays` working days after receipt on `receivedDay`: the first day is not
 * counted (Civil Code 2015 art. 147), so day 1 is the first working day after receipt.
 * `dueDay('2026-02-12', 2)` with the 2026 Tết break → `'2026-02-23'`.
 */
export function dueDay(cal: WorkingCalendar, receivedDay: string, workingDays: number): string {
  let day = receivedDay;
  let counted = 0;
  for (let guard = 0; counted < workingDays; guard++) {
    if (guard > 3660) throw new Error('calendar has no working days');
    day = addDays(day, 1);
    if (cal.isWorkingDay(day)) counted++;
  }
  return day;
}

/** Working days strictly after `from` up to and including `to` (negative when `to` < `from`). */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  let [a, b] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  while (a < b) {
    a = addDays(a, 1);
    if (cal.isWorkingDay(a)) n++;
  }
  return sign * n;
}

export type SlaStage = 'on_track' | 'remind' | 'escalate_head' | 'escalate_chairman';

/**
 * Where an open item stands on `today`:
 * - `remind` from `remindDaysBefore` working days before the due day up to the due day;
 * - `escalate_head` the first working day after the due day (overdue);
 * - `escalate_chairman` once it is `chairmanAfter` working days overdue (default 3).
 */
export function slaStage(
  cal: WorkingCalendar,
  today: string,
  due: string,
  remindDaysBefore: number,
  chairmanAfter = 3,
): SlaStage {
  if (today > due) {
    return workingDaysBetween(cal, due, today) >= chairmanAfter ? 'escalate_chairman' : 'escalate_head';
  }
  return workingDaysBetween(cal, today, due) <= remindDaysBefore ? 'remind' : 'on_track';
}

/** Answered on time = answered on or before the due day (Vietnam time). */
export const answeredOnTime = (answeredAt: Date, due: string): boolean => vnDay(answeredAt) <= due;
