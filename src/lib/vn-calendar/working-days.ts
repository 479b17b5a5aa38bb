/**
 * The working-day calendar of a state agency: Monday–Friday, minus the days off of the yearly
 * holiday tables, plus the working Saturdays, with the city's or the unit's overrides last.
 * Years without a table are generated from the Labour Code rules on first use.
 */
import { generateHolidayYear } from './generate-holidays.js';
import type { HolidayConfidence, HolidayDay, HolidayYear } from './holiday-types.js';
import {
  type IsoDate, byDate, dayNumberOf, fromDayNumber, toDayNumber, weekdayOfDayNumber,
} from './plain-date.js';

export interface CalendarOverride {
  date: IsoDate;
  /** 'off' closes a day that would be worked; 'work' opens a day that would be off. */
  kind: 'off' | 'work';
  reason: string;
}

export interface OffReason {
  vi: string;
  en: string;
}

export interface WorkCalendar {
  /** @example cal.isWorkingDay('2026-01-10') // true (Saturday worked in exchange for 02/01) */
  isWorkingDay(date: IsoDate): boolean;
  /** @example cal.offReason('2026-02-17') // { vi: 'Tết Nguyên đán Bính Ngọ (mùng 1)', en: "Lunar New Year's Day" } */
  offReason(date: IsoDate): OffReason | null;
  /** The year's table with the overrides merged in. @example cal.holidaysOf(2026).confirmed // false */
  holidaysOf(year: number): HolidayYear;
  /** Same as isWorkingDay, on a day number (days since 1970-01-01); the fast path for loops. */
  isWorkingDayNumber(n: number): boolean;
  offReasonOfDayNumber(n: number): OffReason | null;
  /** How sure the year's days off are. @example cal.confidenceOf(2027) // 'computed' */
  confidenceOf(year: number): HolidayConfidence;
}

const SATURDAY: OffReason = { vi: 'Thứ Bảy', en: 'Saturday' };
const SUNDAY: OffReason = { vi: 'Chủ nhật', en: 'Sunday' };
const WORKING = null;

type DayStatus = OffReason | typeof WORKING;

/**
 * Build a calendar from yearly tables (shipped or generated) and overrides (applied in order,
 * the last one for a date wins).
 * @example
 * const cal = buildWorkCalendar([parseHolidayYear(json2026)], [{ date: '2026-02-23', kind: 'off', reason: 'Bão số 3' }]);
 * cal.isWorkingDay('2026-02-23') // false
 */
export function buildWorkCalendar(years: HolidayYear[], overrides: CalendarOverride[] = []): WorkCalendar {
  const tables = new Map(years.map((y) => [y.year, y]));
  const overridesByYear = groupOverrides(overrides);
  const exceptions = new Map<number, DayStatus>(); // days whose status is not the weekday rule
  const loaded = new Set<number>();

  const tableOf = (year: number) => {
    let t = tables.get(year);
    if (!t) tables.set(year, (t = generateHolidayYear(year)));
    return t;
  };
  const load = (year: number) => {
    if (loaded.has(year)) return;
    loaded.add(year);
    const merged = mergeOverrides(tableOf(year), overridesByYear.get(year) ?? []);
    for (const s of merged.working_saturdays) exceptions.set(toDayNumber(s.date), WORKING);
    for (const h of merged.days_off) exceptions.set(toDayNumber(h.date), { vi: h.name_vi, en: h.name_en });
  };
  let from = 0;
  let to = -1; // loaded day-number range [from, to], grown one whole year at a time
  const ensure = (n: number) => {
    if (n >= from && n <= to) return;
    const year = yearOfDayNumber(n);
    const first = to < from ? year : Math.min(year, yearOfDayNumber(from));
    const last = to < from ? year : Math.max(year, yearOfDayNumber(to));
    for (let y = first; y <= last; y++) load(y);
    from = dayNumberOf(first, 1, 1);
    to = dayNumberOf(last + 1, 1, 1) - 1;
  };
  const statusOf = (n: number): DayStatus => {
    ensure(n);
    const ex = exceptions.get(n);
    if (ex !== undefined) return ex;
    const wd = weekdayOfDayNumber(n);
    return wd === 6 ? SATURDAY : wd === 0 ? SUNDAY : WORKING;
  };
  return {
    isWorkingDayNumber: (n) => statusOf(n) === WORKING,
    offReasonOfDayNumber: statusOf,
    isWorkingDay: (date) => statusOf(toDayNumber(date)) === WORKING,
    offReason: (date) => statusOf(toDayNumber(date)),
    holidaysOf: (year) => mergeOverrides(tableOf(year), overridesByYear.get(year) ?? []),
    confidenceOf: (year) => tableOf(year).confidence,
  };
}

/** Calendar year of a day number. @example yearOfDayNumber(toDayNumber('2026-12-31')) // 2026 */
export function yearOfDayNumber(n: number): number {
  let y = Math.floor(n / 365.2425) + 1970;
  if (n < dayNumberOf(y, 1, 1)) y--;
  else if (n >= dayNumberOf(y + 1, 1, 1)) y++;
  return y;
}

function groupOverrides(overrides: CalendarOverride[]): Map<number, CalendarOverride[]> {
  const byYear = new Map<number, CalendarOverride[]>();
  for (const o of overrides) {
    const year = Number(fromDayNumber(toDayNumber(o.date)).slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), o]);
  }
  return byYear;
}

/**
 * A year's table with overrides applied: an 'off' override adds a day off of kind 'override'
 * (replacing any entry of that date); a 'work' override removes the day off and, on a weekend
 * day, lists it as a working Saturday.
 * @example mergeOverrides(table2026, [{ date: '2026-03-07', kind: 'work', reason: 'Làm bù' }]).working_saturdays.length // 3
 */
export function mergeOverrides(table: HolidayYear, overrides: CalendarOverride[]): HolidayYear {
  if (!overrides.length) return table;
  const daysOff = new Map<string, HolidayDay>(table.days_off.map((d) => [d.date, d]));
  const saturdays = new Map(table.working_saturdays.map((s) => [s.date, s]));
  for (const o of overrides) {
    daysOff.delete(o.date);
    saturdays.delete(o.date);
    if (o.kind === 'off') {
      daysOff.set(o.date, { date: o.date, name_vi: o.reason, name_en: `Calendar change: ${o.reason}`, kind: 'override' });
    } else if ([0, 6].includes(weekdayOfDayNumber(toDayNumber(o.date)))) {
      saturdays.set(o.date, { date: o.date, reason: o.reason });
    }
  }
  return {
    ...table,
    days_off: [...daysOff.values()].sort(byDate),
    working_saturdays: [...saturdays.values()].sort(byDate),
  };
}
