/**
 * Plain calendar dates ('YYYY-MM-DD') with no time zone, and the explicit conversion of an
 * instant to the date and time of day in Vietnam (Asia/Ho_Chi_Minh).
 *
 * Internally a date is a "day number": days since 1970-01-01 (an integer), so arithmetic never
 * meets daylight-saving or local-time surprises.
 */

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Vietnam has kept UTC+7 with no daylight saving since 13/06/1975 (whole country). */
export const VN_UTC_OFFSET_MINUTES = 7 * 60;
const VN_OFFSET_FROM = Date.UTC(1975, 5, 13);

/** A date written 'YYYY-MM-DD' (ISO 8601 calendar date). */
export type IsoDate = string;

/**
 * True when `s` is a real calendar date written 'YYYY-MM-DD'.
 * @example isIsoDate('2026-02-29') // false (2026 is not a leap year)
 */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Number of days in month `month` (1–12) of `year` (Gregorian). @example daysInMonth(2028, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Day number (days since 1970-01-01) of an ISO date; throws on a malformed date.
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Day number from year, month (1–12), day. @example dayNumberOf(1970, 1, 31) // 30 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const ms = new Date(0).setUTCFullYear(year, month - 1, day);
  return Math.floor(ms / MS_PER_DAY);
}

/**
 * ISO date of a day number.
 * @example fromDayNumber(0) // '1970-01-01'
 */
export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday. @example weekdayOfDayNumber(0) // 4 (Thursday) */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Day of week of an ISO date: 0 = Sunday … 6 = Saturday.
 * @example weekdayOf('2026-02-17') // 2 (Tuesday, mùng 1 Tết Bính Ngọ)
 */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/**
 * The date `n` calendar days after `date` (n may be negative).
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Year of an ISO date. @example yearOf('2026-02-17') // 2026 */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The calendar date in Vietnam at the instant `at`, and the minutes since local midnight.
 * Explicit UTC+7 (the zone Asia/Ho_Chi_Minh since 1975); earlier instants go through Intl.
 * @example vnDateTimeOf(new Date('2026-02-12T17:30:00Z')) // { date: '2026-02-13', minutes: 30 }
 */
export function vnDateTimeOf(at: Date): { date: IsoDate; minutes: number } {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  if (ms < VN_OFFSET_FROM) return viaIntl(at);
  const local = ms + VN_UTC_OFFSET_MINUTES * 60_000;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const minutes = Math.floor((local - dayNumber * MS_PER_DAY) / 60_000);
  return { date: fromDayNumber(dayNumber), minutes };
}

/**
 * The calendar date in Vietnam at the instant `at`.
 * @example vnDateOf(new Date('2026-02-12T16:59:59Z')) // '2026-02-12'
 */
export function vnDateOf(at: Date): IsoDate {
  return vnDateTimeOf(at).date;
}

/**
 * Parse 'HH:MM' (00:00–23:59) to minutes since midnight; null when malformed.
 * @example parseClock('15:00') // 900
 */
export function parseClock(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Sort comparator for anything with a `date`. @example days.sort(byDate) */
export function byDate(a: { date: IsoDate }, b: { date: IsoDate }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function viaIntl(at: Date): { date: IsoDate; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const date = `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
  return { date, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
