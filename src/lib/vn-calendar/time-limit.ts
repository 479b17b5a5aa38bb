/**
 * Time limits with their unit (RULES-VN.md §2.2, docs/deadlines.md) and the one engine that
 * turns a receipt instant into a due instant:
 * - `working_days` ("ngày làm việc"): the n-th working day after the day of receipt (art. 147);
 * - `calendar_days` ("ngày"): every day counts from the day after receipt; when the last day is
 *   a day off the period ends on the next working day (Civil Code 2015 art. 148);
 * - `working_hours` ("giờ làm việc"): only the unit's office hours on working days count;
 * - `same_day` ("trong ngày"): the day of receipt (value is 0).
 *
 * Receipt outside the unit's office hours, on a day off, or at/after a cut-off (the procedure's,
 * e.g. 15:00 for same-day civil status and certification, or the unit-wide one, off by default)
 * counts as receipt at the opening of the next working period. Every kind of limit obeys it.
 * The result says how sure it is: the weakest confidence of the holiday years it crosses.
 */
import { dueDate, type Pause, type SkippedDay } from './deadline.js';
import { type HolidayConfidence, weakestConfidence } from './holiday-types.js';
import {
  type IsoDate, fromDayNumber, parseClock, toDayNumber, vnDateTimeOf, weekdayOfDayNumber,
} from './plain-date.js';
import type { WorkCalendar } from './working-days.js';
import {
  DEFAULT_WORKING_HOURS, type WorkingHours, closingMinute, formatClock, nextWorkingMinute, openingMinute,
} from './working-hours.js';

export type TimeLimitKind = 'working_days' | 'calendar_days' | 'working_hours' | 'same_day';
export const TIME_LIMIT_KINDS: readonly TimeLimitKind[] = ['working_days', 'calendar_days', 'working_hours', 'same_day'];

export interface TimeLimit {
  kind: TimeLimitKind;
  /** Days or hours; 0 for same_day. */
  value: number;
}

export interface DeadlineInput {
  receivedAt: Date;
  limit: TimeLimit;
  /** The unit's office hours (default 07:30–11:30, 13:30–17:00). */
  workingHours?: WorkingHours;
  /** The procedure's cut-off 'HH:MM' (e.g. '15:00' for "trong ngày" civil status). */
  procedureCutoff?: string | null;
  /** The unit-wide cut-off 'HH:MM' (none by default). */
  unitCutoff?: string | null;
  pauses?: Pause[];
}

export interface DeadlineResult {
  /** The due instant (end of the office day for day limits); null while an open pause holds the clock. */
  due: Date | null;
  /** The due day in Vietnam ('YYYY-MM-DD'); null with `due`. */
  dueDate: IsoDate | null;
  /** When the receipt counts from (moved on when outside hours or after a cut-off). */
  countedFrom: Date;
  receivedOn: IsoDate;
  skipped: SkippedDay[];
  /** Weakest confidence of the holiday years from receipt to due. */
  confidence: HolidayConfidence;
  /** Years crossed whose table is not official. */
  unconfirmedYears: number[];
  /** Vietnamese and English sentences: how the date was reached. */
  explanation: { vi: string[]; en: string[] };
}

export const MAX_LIMIT: Record<TimeLimitKind, number> = {
  working_days: 3650, calendar_days: 3650, working_hours: 2000, same_day: 0,
};
const MS_MINUTE = 60_000;
const VN_OFFSET_MS = 7 * 60 * MS_MINUTE;
const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The instant of a Vietnam day and minute. @example vnInstant('2026-12-04', 17 * 60) // 2026-12-04T10:00:00Z */
export function vnInstant(date: IsoDate, minutes: number): Date {
  return new Date(toDayNumber(date) * 86_400_000 + minutes * MS_MINUTE - VN_OFFSET_MS);
}

/** 'thứ Sáu 04/12/2026 20:36'. */
function describe(day: number, minutes: number | null, lang: 'vi' | 'en'): string {
  const iso = fromDayNumber(day);
  const date = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const wd = (lang === 'vi' ? WEEKDAY_VI : WEEKDAY_EN)[weekdayOfDayNumber(day)];
  return `${wd} ${date}${minutes === null ? '' : ` ${formatClock(minutes)}`}`;
}

function checkLimit(limit: TimeLimit): void {
  if (!TIME_LIMIT_KINDS.includes(limit.kind)) throw new RangeError(`Unknown time-limit kind ${String(limit.kind)}`);
  const max = MAX_LIMIT[limit.kind];
  if (!Number.isInteger(limit.value) || limit.value < 0 || limit.value > max) {
    throw new RangeError(`${limit.kind} must be an integer 0–${max}`);
  }
}

interface Start { day: number; minute: number; notes: { vi: string[]; en: string[] }; skipped: SkippedDay[] }

/**
 * When a receipt counts from: the same instant inside office hours on a working day before the
 * cut-offs; else the next opening (after lunch the same day, or the next working day).
 */
export function countFrom(cal: WorkCalendar, at: Date, hours: WorkingHours, cutoffs: Array<string | null | undefined>): Start {
  const local = vnDateTimeOf(at);
  const start: Start = { day: toDayNumber(local.date), minute: local.minutes, notes: { vi: [], en: [] }, skipped: [] };
  const cut = cutoffs.map((c) => (c ? parseClock(c) : null)).filter((c): c is number => c !== null);
  const earliestCut = cut.length ? Math.min(...cut) : null;
  const off = cal.offReasonOfDayNumber(start.day);
  let why: { vi: string; en: string } | null = null;
  if (off) {
    why = { vi: `ngày nghỉ (${off.vi})`, en: `a day off (${off.en})` };
    start.skipped.push({ date: fromDayNumber(start.day), reason: off.vi, reason_en: off.en });
  } else {
    const next = nextWorkingMinute(hours, local.minutes);
    if (next === null) {
      why = { vi: 'sau giờ làm việc', en: 'after office hours' };
    } else if (earliestCut !== null && Math.max(next, local.minutes) >= earliestCut) {
      why = { vi: `sau giờ tiếp nhận ${formatClock(earliestCut)}`, en: `after the ${formatClock(earliestCut)} cut-off` };
    } else if (next === local.minutes) {
      return start;
    } else {
      start.minute = next;
      pushNote(start, { vi: 'ngoài giờ làm việc', en: 'outside office hours' }, local.minutes);
      return start;
    }
  }
  let d = start.day + 1;
  for (let o = cal.offReasonOfDayNumber(d); o; o = cal.offReasonOfDayNumber(++d)) {
    start.skipped.push({ date: fromDayNumber(d), reason: o.vi, reason_en: o.en });
  }
  const received = { day: start.day, minute: local.minutes };
  start.day = d;
  start.minute = openingMinute(hours);
  pushNote(start, why, received.minute, received.day);
  return start;
}

function pushNote(s: Start, why: { vi: string; en: string }, minute: number, day = s.day): void {
  s.notes.vi.push(`Nhận ${describe(day, minute, 'vi')} (${why.vi}): tính là nhận lúc ${describe(s.day, s.minute, 'vi')}.`);
  s.notes.en.push(`Received ${describe(day, minute, 'en')} (${why.en}): counted as received ${describe(s.day, s.minute, 'en')}.`);
}

/**
 * The due instant of a time limit.
 * @example
 * computeDeadline(cal, { receivedAt: new Date('2026-12-04T09:00:00+07:00'), limit: { kind: 'calendar_days', value: 30 } }).dueDate
 * // '2027-01-04' (30th day Sun 03/01/2027 → next working day, art. 148)
 */
export function computeDeadline(cal: WorkCalendar, input: DeadlineInput): DeadlineResult {
  checkLimit(input.limit);
  const hours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  const cutoffs = [input.procedureCutoff, input.unitCutoff];
  const start = countFrom(cal, input.receivedAt, hours, cutoffs);
  const countedFrom = vnInstant(fromDayNumber(start.day), start.minute);
  const base = { countedFrom, receivedOn: fromDayNumber(start.day) };
  const { kind, value } = input.limit;
  const notes = start.notes;
  let dueDay: number | null;
  let dueMinute = closingMinute(hours);
  const skipped = [...start.skipped];
  if (kind === 'working_hours') {
    const r = addWorkingMinutes(cal, hours, start.day, start.minute, value * 60, skipped);
    [dueDay, dueMinute] = [r.day, r.minute];
    notes.vi.push(`${value} giờ làm việc trong giờ hành chính của đơn vị, trừ ngày nghỉ.`);
    notes.en.push(`${value} working hours within the unit's office hours, days off excluded.`);
  } else if (kind === 'calendar_days') {
    dueDay = calendarDaysDue(cal, start.day, value, input.pauses ?? [], skipped, notes);
  } else if (kind === 'same_day') {
    dueDay = start.day;
    notes.vi.push('Giải quyết trong ngày tiếp nhận.');
    notes.en.push('Settled on the day of receipt.');
  } else {
    const r = dueDate(cal, { acceptedAt: countedFrom, workingDays: value, pauses: input.pauses });
    skipped.push(...r.skipped);
    dueDay = r.due === null ? null : toDayNumber(r.due);
    notes.vi.push(`${value} ngày làm việc, không tính ngày tiếp nhận (BLDS 2015 Điều 147).`);
    notes.en.push(`${value} working days, the day of receipt not counted (Civil Code 2015 art. 147).`);
  }
  if (kind === 'same_day' || kind === 'working_hours') {
    if ((input.pauses ?? []).some((p) => !p.to)) dueDay = null;
  }
  const lastDay = dueDay ?? start.day;
  const years = yearsBetween(start.day, lastDay);
  const unconfirmedYears = years.filter((y) => cal.confidenceOf(y) !== 'official');
  const confidence = weakestConfidence(years.map((y) => cal.confidenceOf(y)));
  for (const y of unconfirmedYears) {
    const c = cal.confidenceOf(y);
    notes.vi.push(`Lịch nghỉ năm ${y} ${c === 'expected' ? 'theo phương án dự kiến' : 'tính theo quy tắc'}, chưa có thông báo chính thức: ngày hẹn có thể thay đổi.`);
    notes.en.push(`The ${y} holidays are ${c === 'expected' ? 'an announced plan' : 'computed from the rules'}, not yet official: the date may change.`);
  }
  const due = dueDay === null ? null : vnInstant(fromDayNumber(dueDay), dueMinute);
  return {
    ...base, due, dueDate: dueDay === null ? null : fromDayNumber(dueDay), skipped: dedupe(skipped),
    confidence, unconfirmedYears, explanation: notes,
  };
}

function yearsBetween(a: number, b: number): number[] {
  const [y1, y2] = [Number(fromDayNumber(a).slice(0, 4)), Number(fromDayNumber(b).slice(0, 4))];
  const out: number[] = [];
  for (let y = y1; y <= y2; y++) out.push(y);
  return out;
}

function dedupe(days: SkippedDay[]): SkippedDay[] {
  const seen = new Set<string>();
  return days.filter((d) => (seen.has(d.date) ? false : (seen.add(d.date), true)));
}

/** Calendar days (art. 147, 148): every day counts except paused ones; a last day off moves on. */
function calendarDaysDue(
  cal: WorkCalendar, startDay: number, n: number, pauses: Pause[], skipped: SkippedDay[], notes: { vi: string[]; en: string[] },
): number | null {
  const ranges = pauses.map((p) => [toDayNumber(vnDateTimeOf(p.from).date), p.to ? toDayNumber(vnDateTimeOf(p.to).date) : Infinity]);
  let d = startDay;
  for (let counted = 0; counted < n;) {
    d++;
    const pause = ranges.find(([a, b]) => d > a && d <= b);
    if (pause?.[1] === Infinity) return null;
    if (pause) {
      skipped.push({ date: fromDayNumber(d), reason: 'Tạm dừng tính thời hạn (chờ bổ sung hồ sơ)', reason_en: 'Clock stopped (awaiting supplement)' });
      continue;
    }
    counted++;
  }
  notes.vi.push(`${n} ngày (tính cả ngày nghỉ), không tính ngày tiếp nhận (BLDS 2015 Điều 147): ngày cuối ${describe(d, null, 'vi')}.`);
  notes.en.push(`${n} calendar days (days off included), the day of receipt not counted (art. 147): last day ${describe(d, null, 'en')}.`);
  const last = d;
  for (let off = cal.offReasonOfDayNumber(d); off; off = cal.offReasonOfDayNumber(++d)) {
    skipped.push({ date: fromDayNumber(d), reason: off.vi, reason_en: off.en });
  }
  if (d !== last) {
    notes.vi.push(`Ngày cuối là ngày nghỉ: thời hạn kết thúc ngày làm việc tiếp theo ${describe(d, null, 'vi')} (BLDS 2015 Điều 148).`);
    notes.en.push(`The last day is a day off: the period ends on the next working day, ${describe(d, null, 'en')} (art. 148).`);
  }
  return d;
}

/** Adds office minutes from (day, minute), which is inside a period of a working day. */
function addWorkingMinutes(
  cal: WorkCalendar, hours: WorkingHours, day: number, minute: number, total: number, skipped: SkippedDay[],
): { day: number; minute: number } {
  let left = total;
  let d = day;
  let m = minute;
  for (let guard = 0; guard < 100_000; guard++) {
    for (const [a, b] of hours.periods) {
      if (m >= b) continue;
      const from = Math.max(m, a);
      if (left <= b - from) return { day: d, minute: from + left };
      left -= b - from;
      m = b;
    }
    d++;
    for (let off = cal.offReasonOfDayNumber(d); off; off = cal.offReasonOfDayNumber(++d)) {
      skipped.push({ date: fromDayNumber(d), reason: off.vi, reason_en: off.en });
    }
    m = 0;
  }
  throw new RangeError('Deadline too far in the future');
}
