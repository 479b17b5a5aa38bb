/**
 * Vietnam time and ISO weeks, the one place modules take them from: wall-clock parts of an
 * instant, instants of a wall-clock time, ISO-8601 weeks of Vietnamese days, month and year
 * bounds. Vietnam keeps UTC+07:00 all year (Asia/Ho_Chi_Minh, no daylight saving since 1975), so
 * the conversions are a fixed offset; days are 'YYYY-MM-DD' strings (./plain-date.ts).
 */
import {
  type IsoDate, addDays, dayNumberOf, fromDayNumber, isIsoDate, toDayNumber, vnDateOf, vnDateTimeOf,
  weekdayOfDayNumber,
} from './plain-date.js';

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Wall-clock parts in Vietnam; `weekday` 1 = Monday … 7 = Sunday (ISO). */
export interface VnWallTime { year: number; month: number; day: number; hour: number; minute: number; weekday: number }

/** @example vnParts(new Date('2026-12-04T13:36:00Z')) // { year: 2026, month: 12, day: 4, hour: 20, minute: 36, weekday: 5 } */
export function vnParts(at: Date): VnWallTime {
  const { date, minutes } = vnDateTimeOf(at);
  return {
    year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)),
    hour: Math.floor(minutes / 60), minute: minutes % 60, weekday: isoWeekdayOf(date),
  };
}

/** The instant of a Vietnamese wall-clock time. @example vnWallInstant(2026, 12, 4, 20, 36) // 2026-12-04T13:36:00Z */
export function vnWallInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS);
}

/** Midnight starting a Vietnamese day. @example vnDayStart('2026-12-05') // 2026-12-04T17:00:00Z */
export function vnDayStart(date: IsoDate): Date {
  return new Date(toDayNumber(date) * DAY_MS - VN_OFFSET_MS);
}

/** 'HH:MM' in Vietnam. @example vnTimeOf(new Date('2026-12-04T13:36:00Z')) // '20:36' */
export function vnTimeOf(at: Date): string {
  const { minutes } = vnDateTimeOf(at);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * The instant of a 'YYYY-MM-DDTHH:MM' typed in Vietnam time (an `<input type="datetime-local">`), or null
 * when malformed or not a real day and time (no roll-over of 30/02 into March).
 * @example parseVnLocalDateTime('2026-03-01T08:00') // 2026-03-01T01:00:00Z
 */
export function parseVnLocalDateTime(text: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m || !isIsoDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return new Date(vnDayStart(m[1]).getTime() + (Number(m[2]) * 60 + Number(m[3])) * 60_000);
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time where a missing offset means Vietnam wall-clock time (a date alone is
 * its midnight in Vietnam); null when malformed or not a real day (no roll-over of 30/02 into March).
 * @example parseVnIsoInstant('2026-03-01') // 2026-02-28T17:00:00Z
 * @example parseVnIsoInstant('2026-03-01 08:00') // 2026-03-01T01:00:00Z
 * @example parseVnIsoInstant('2026-03-01T08:00Z') // 2026-03-01T08:00:00Z
 */
export function parseVnIsoInstant(text: string): Date | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m || !isIsoDate(m[1]) || (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59))) return null;
  const t = text.trim().replace(' ', 'T');
  const at = new Date(m[2] === undefined ? vnDayStart(m[1]).getTime() : m[4] ? Date.parse(t) : Date.parse(`${t}+07:00`));
  return Number.isFinite(at.getTime()) ? at : null;
}

/** 'YYYY-MM-DDTHH:MM' in Vietnam, the value of an `<input type="datetime-local">`. */
export function vnLocalDateTime(at: Date): string {
  return `${vnDateOf(at)}T${vnTimeOf(at)}`;
}

/** ISO 8601 with the Vietnam offset, to the second. @example vnIsoString(new Date('2026-12-04T13:36:00Z')) // '2026-12-04T20:36:00+07:00' */
export function vnIsoString(at: Date): string {
  return `${new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** Today's date in Vietnam (the day of `now`). @example vnToday(new Date('2026-12-31T17:30:00Z')) // '2027-01-01' */
export const vnToday = (now: Date = new Date()): IsoDate => vnDateOf(now);

/** The calendar year in Vietnam. @example vnYearOf(new Date('2026-12-31T17:30:00Z')) // 2027 */
export const vnYearOf = (at: Date): number => Number(vnDateOf(at).slice(0, 4));

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. @example isoWeekdayOf('2026-12-06') // 7 */
export const isoWeekdayOf = (date: IsoDate): number => weekdayOfDayNumber(toDayNumber(date)) || 7;

/** A strict 'YYYY-MM-DD' (a real date, surrounding spaces allowed), or null. @example parseIsoDate('2026-02-30') // null */
export function parseIsoDate(input: string): IsoDate | null {
  const s = input.trim();
  return isIsoDate(s) ? s : null;
}

/** A `date` column as pg returns it (a JS Date at local midnight, or a string) as 'YYYY-MM-DD'. */
export function dateColumn(value: Date | string): IsoDate {
  if (typeof value === 'string') return value.slice(0, 10);
  return `${value.getFullYear()}-${pad2(value.getMonth() + 1)}-${pad2(value.getDate())}`;
}

// ---- ISO-8601 weeks ----------------------------------------------------------------------------

export interface IsoWeekId { year: number; week: number }
/** An ISO week ('2026-W48') with its Monday … Sunday. */
export interface IsoWeek extends IsoWeekId { monday: IsoDate; sunday: IsoDate; days: IsoDate[] }

function week1Monday(year: number): number {
  const jan4 = dayNumberOf(year, 1, 4);
  return jan4 - ((weekdayOfDayNumber(jan4) || 7) - 1);
}

/** 52 or 53. @example weeksInIsoYear(2026) // 53 */
export const weeksInIsoYear = (year: number): number => (week1Monday(year + 1) - week1Monday(year)) / 7;

/** Monday of an ISO week. @example mondayOf({ year: 2026, week: 1 }) // '2025-12-29' */
export const mondayOf = (w: IsoWeekId): IsoDate => fromDayNumber(week1Monday(w.year) + (w.week - 1) * 7);

function build(year: number, week: number): IsoWeek {
  const monday = mondayOf({ year, week });
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { year, week, monday, sunday: days[6], days };
}

/** The ISO week of a day: the week belongs to the year of its Thursday. @example isoWeekOf('2027-01-01').week // 53 */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const n = toDayNumber(date);
  const thursday = n + 4 - (weekdayOfDayNumber(n) || 7);
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  return build(year, Math.floor((thursday - week1Monday(year)) / 7) + 1);
}

/** The ISO week of an instant, taken in Vietnam time. */
export const isoWeekAt = (at: Date): IsoWeek => isoWeekOf(vnDateOf(at));

/** '2026-W05'. */
export const weekKey = (w: IsoWeekId): string => `${w.year}-W${pad2(w.week)}`;

/** Parses '2026-W48' (also '2026-w48', '2026W48', '2026-W5'); null when malformed or the week does not exist. */
export function parseWeekKey(input: string): IsoWeek | null {
  const m = /^(\d{4})-?[Ww](\d{1,2})$/.exec(input.trim());
  if (!m) return null;
  const [year, week] = [Number(m[1]), Number(m[2])];
  return week >= 1 && week <= weeksInIsoYear(year) ? build(year, week) : null;
}

/** The week `by` weeks after (or before) `w`. */
export const shiftWeek = (w: IsoWeekId, by: number): IsoWeek => isoWeekOf(addDays(mondayOf(w), 7 * by));

/** The `count` ISO weeks ending with the week of `lastDay`, oldest first. */
export function lastWeeks(lastDay: IsoDate, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, i) => isoWeekOf(addDays(lastDay, -7 * (count - 1 - i))));
}

// ---- Months and years --------------------------------------------------------------------------

/** Bounds of a 'YYYY-MM' month in Vietnam time: instants [from, to) and days [fromDay, toDay). */
export function monthBounds(month: string): { from: Date; to: Date; fromDay: IsoDate; toDay: IsoDate } {
  const [y, m] = month.split('-').map(Number);
  const fromDay = fromDayNumber(dayNumberOf(y, m, 1));
  const toDay = fromDayNumber(dayNumberOf(y, m + 1, 1));
  return { from: vnDayStart(fromDay), to: vnDayStart(toDay), fromDay, toDay };
}

/** The last `n` months up to the one containing `now` (Vietnam time), oldest first: ['2026-07', …]. */
export function lastMonths(now: Date, n: number): string[] {
  const p = vnParts(now);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(p.year, p.month - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
  });
}

/** The first instant of a calendar year in Vietnam. @example vnYearStart(2026) // 2025-12-31T17:00:00Z */
export const vnYearStart = (year: number): Date => vnWallInstant(year, 1, 1);

/** A calendar year in Vietnam as instants [from, to). */
export const yearBounds = (year: number): { from: Date; to: Date } => ({ from: vnYearStart(year), to: vnYearStart(year + 1) });
