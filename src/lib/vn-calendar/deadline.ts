/**
 * Processing deadlines in working days, as RULES-VN.md §2.2 says:
 * - the clock starts when a complete, valid dossier is accepted (`acceptedAt`);
 * - the first day is not counted (Civil Code 2015 art. 147(1)): due = the n-th working day after
 *   the day of acceptance; n = 0 (same-day procedures) → due the day of acceptance;
 * - acceptance on a non-working day, or after the unit's cut-off time (a unit setting, none by
 *   default), counts as acceptance on the next working day;
 * - a pause (supplement requested, Mẫu 02) stops the clock: the working days after the day the
 *   pause starts, up to and including the day it ends, are not counted; counting resumes the day
 *   after (art. 147 again: the day of the restarting event is not counted). A pause that starts
 *   and ends on the same day changes nothing. While a pause is open the due date is unknown.
 */
import {
  type IsoDate, fromDayNumber, parseClock, toDayNumber, vnDateOf, vnDateTimeOf,
} from './plain-date.js';
import type { WorkCalendar } from './working-days.js';

export interface Pause {
  from: Date;
  /** null while the supplement is still awaited. */
  to: Date | null;
}

export interface DueInput {
  acceptedAt: Date;
  workingDays: number;
  /** 'HH:MM' in Vietnam time; acceptance at or after it counts as the next working day. */
  cutoff?: string;
  pauses?: Pause[];
}

export interface SkippedDay {
  date: IsoDate;
  /** Vietnamese reason, e.g. 'Chủ nhật', 'Tết Nguyên đán Bính Ngọ (mùng 1)'. */
  reason: string;
  reason_en: string;
}

export interface DueResult {
  /** Last day of the period ('YYYY-MM-DD'); null while an open pause holds the clock. */
  due: IsoDate | null;
  /** Days between acceptance and due that were not counted, with the reason. */
  skipped: SkippedDay[];
  /** Working days still to count (0 unless `due` is null). */
  remaining: number;
  /** The day counting starts from (acceptance day, moved on when non-working or late). */
  receivedOn: IsoDate;
}

export const MAX_WORKING_DAYS = 3650;
const PAUSED = { vi: 'Tạm dừng tính thời hạn (chờ bổ sung hồ sơ)', en: 'Clock stopped (awaiting supplement)' };
const MAX_SPAN_DAYS = 100_000;

/**
 * Due date of a dossier.
 * @example
 * dueDate(cal, { acceptedAt: new Date('2026-02-12T09:00:00+07:00'), workingDays: 2 })
 * // { due: '2026-02-23', skipped: [14/02 … 22/02 with reasons], remaining: 0, receivedOn: '2026-02-12' }
 */
export function dueDate(cal: WorkCalendar, input: DueInput): DueResult {
  const n = input.workingDays;
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`workingDays must be an integer 0–${MAX_WORKING_DAYS}`);
  }
  const accepted = vnDateTimeOf(input.acceptedAt);
  const cutoff = input.cutoff === undefined ? null : parseClock(input.cutoff);
  if (input.cutoff !== undefined && cutoff === null) throw new RangeError('cutoff must be HH:MM');
  const skipped: SkippedDay[] = [];
  const d0 = toDayNumber(accepted.date);
  let start = d0;
  if (!cal.isWorkingDayNumber(start) || (cutoff !== null && accepted.minutes >= cutoff)) {
    start = nextWorkingDayNumber(cal, start, skipped);
  }
  const pauses = pauseRanges(input.pauses ?? []);
  let counted = 0;
  let d = start;
  while (counted < n) {
    d++;
    if (d - start > MAX_SPAN_DAYS) throw new RangeError('Deadline too far in the future');
    const off = cal.offReasonOfDayNumber(d);
    if (off) {
      skipped.push(skip(d, off));
      continue;
    }
    const pause = pauses.find(([a, b]) => d > a && d <= b);
    if (pause) {
      if (pause[1] === Infinity) return { due: null, skipped, remaining: n - counted, receivedOn: fromDayNumber(start) };
      skipped.push(skip(d, PAUSED));
      continue;
    }
    counted++;
  }
  return { due: fromDayNumber(d), skipped, remaining: 0, receivedOn: fromDayNumber(start) };
}

/** Pauses as [start day, end day] day numbers; an open pause ends at Infinity. */
function pauseRanges(pauses: Pause[]): Array<[number, number]> {
  return pauses.map((p) => {
    const from = toDayNumber(vnDateOf(p.from));
    if (p.to && p.to.getTime() < p.from.getTime()) throw new RangeError('A pause ends before it starts');
    return [from, p.to ? toDayNumber(vnDateOf(p.to)) : Infinity];
  });
}

function nextWorkingDayNumber(cal: WorkCalendar, n: number, skipped?: SkippedDay[]): number {
  let d = n + 1;
  for (let off = cal.offReasonOfDayNumber(d); off; off = cal.offReasonOfDayNumber(++d)) {
    skipped?.push(skip(d, off));
    if (d - n > MAX_SPAN_DAYS) throw new RangeError('No working day found');
  }
  return d;
}

function skip(n: number, reason: { vi: string; en: string }): SkippedDay {
  return { date: fromDayNumber(n), reason: reason.vi, reason_en: reason.en };
}

/**
 * The working day after `date` (exclusive).
 * @example nextWorkingDay(cal, '2026-02-13') // '2026-02-23'
 */
export function nextWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  return fromDayNumber(nextWorkingDayNumber(cal, toDayNumber(date)));
}

/**
 * The n-th working day after `date` (n > 0), or before it (n < 0); n = 0 gives `date`.
 * @example addWorkingDays(cal, '2026-02-23', -1) // '2026-02-13' (one working day before)
 */
export function addWorkingDays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) throw new RangeError('n out of range');
  let d = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    d += step;
    if (cal.isWorkingDayNumber(d)) left--;
  }
  return fromDayNumber(d);
}

/**
 * Number of working days d with a < d ≤ b (negative when b is before a), so that for a dossier
 * received on a with no pause, workingDaysBetween(cal, a, due) = n.
 * @example workingDaysBetween(cal, '2026-02-12', '2026-02-23') // 2
 */
export function workingDaysBetween(cal: WorkCalendar, a: IsoDate, b: IsoDate): number {
  const [x, y] = [toDayNumber(a), toDayNumber(b)];
  if (y < x) return -workingDaysBetween(cal, b, a);
  if (y - x > MAX_SPAN_DAYS) throw new RangeError('Range too long');
  let count = 0;
  for (let d = x + 1; d <= y; d++) if (cal.isWorkingDayNumber(d)) count++;
  return count;
}

/**
 * True when the instant `at` is after the end of the due day (Vietnam time).
 * @example isLate('2026-02-23', new Date('2026-02-23T16:59:59Z')) // false (23:59:59 in Hanoi)
 */
export function isLate(due: IsoDate, at: Date): boolean {
  return vnDateOf(at) > due;
}
