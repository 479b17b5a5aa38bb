/**
 * Yearly holiday tables for civil servants (Labour Code 2019 art. 111–112) and their validation.
 * A table is either shipped (data/reference/holidays/<year>.json, curated from the yearly
 * government notices) or generated from the statutory rules (./generate-holidays.ts).
 */
import { generateHolidayYear } from './generate-holidays.js';
import { type IsoDate, byDate, isIsoDate, weekdayOf, yearOf } from './plain-date.js';

export type HolidayKind =
  /** One of the 11 paid days of art. 112(1), wherever it falls. */
  | 'statutory'
  /** A day off in place of a statutory day that fell on Saturday or Sunday (art. 111(3)). */
  | 'compensatory'
  /** A weekday off swapped with a working Saturday (hoán đổi ngày làm việc). */
  | 'swapped_off'
  /** A Saturday or Sunday inside a holiday break, listed for readers. */
  | 'weekend_in_break'
  /** A day off added by the city or the unit (calendar override). */
  | 'override';

export const HOLIDAY_KINDS: readonly HolidayKind[] = [
  'statutory', 'compensatory', 'swapped_off', 'weekend_in_break', 'override',
];

export interface HolidayDay {
  date: IsoDate;
  name_vi: string;
  name_en: string;
  kind: HolidayKind;
}

export interface WorkingSaturday {
  date: IsoDate;
  reason: string;
}

export interface HolidayYear {
  year: number;
  days_off: HolidayDay[];
  /** Saturdays (or Sundays) that are working days for state agencies that year. */
  working_saturdays: WorkingSaturday[];
  /** Where the table comes from (legal basis, notices). */
  source: string;
  /** True only when every day is backed by the official yearly notice. */
  confirmed: boolean;
  /** True when computed from the rules because no table was shipped for the year. */
  generated?: boolean;
}

export class HolidayTableError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid holiday table: ${problems.join('; ')}`);
  }
}

/**
 * Check a holiday table read from JSON and return it typed; throws HolidayTableError listing
 * every problem (bad dates, dates outside the year, duplicates, working days that are not
 * weekend days, unknown kinds).
 * @example parseHolidayYear(JSON.parse(readFileSync('data/reference/holidays/2026.json', 'utf8')))
 */
export function parseHolidayYear(input: unknown): HolidayYear {
  const problems: string[] = [];
  const o = (input ?? {}) as Record<string, unknown>;
  const year = o.year;
  if (!Number.isInteger(year)) problems.push('year must be an integer');
  const daysOff = Array.isArray(o.days_off) ? o.days_off : [];
  const saturdays = Array.isArray(o.working_saturdays) ? o.working_saturdays : [];
  if (!Array.isArray(o.days_off)) problems.push('days_off must be an array');
  if (!Array.isArray(o.working_saturdays)) problems.push('working_saturdays must be an array');
  if (typeof o.source !== 'string' || !o.source) problems.push('source is required');
  if (typeof o.confirmed !== 'boolean') problems.push('confirmed must be true or false');
  const seen = new Set<string>();
  const checkDate = (d: unknown, where: string): d is IsoDate => {
    if (!isIsoDate(d)) return problems.push(`${where}: bad date ${String(d)}`) < 0;
    if (yearOf(d) !== year) problems.push(`${where}: ${d} is not in ${String(year)}`);
    if (seen.has(d)) problems.push(`${where}: ${d} listed twice`);
    seen.add(d);
    return true;
  };
  for (const [i, raw] of daysOff.entries()) {
    const h = (raw ?? {}) as Record<string, unknown>;
    checkDate(h.date, `days_off[${i}]`);
    if (typeof h.name_vi !== 'string' || !h.name_vi) problems.push(`days_off[${i}]: name_vi required`);
    if (typeof h.name_en !== 'string' || !h.name_en) problems.push(`days_off[${i}]: name_en required`);
    if (!HOLIDAY_KINDS.includes(h.kind as HolidayKind)) problems.push(`days_off[${i}]: bad kind`);
  }
  for (const [i, raw] of saturdays.entries()) {
    const s = (raw ?? {}) as Record<string, unknown>;
    if (checkDate(s.date, `working_saturdays[${i}]`) && ![0, 6].includes(weekdayOf(s.date))) {
      problems.push(`working_saturdays[${i}]: ${s.date} is not a weekend day`);
    }
    if (typeof s.reason !== 'string' || !s.reason) problems.push(`working_saturdays[${i}]: reason required`);
  }
  if (problems.length) throw new HolidayTableError(problems);
  return {
    year: year as number,
    days_off: daysOff.map((h) => ({ ...(h as HolidayDay) })).sort(byDate),
    working_saturdays: saturdays.map((s) => ({ ...(s as WorkingSaturday) })).sort(byDate),
    source: o.source as string,
    confirmed: o.confirmed as boolean,
    ...(o.generated === true ? { generated: true } : {}),
  };
}

/**
 * The shipped table of `year` when there is one, else the table generated from the rules.
 * @example holidayYearFor(2031, shipped).generated // true
 */
export function holidayYearFor(year: number, tables: HolidayYear[]): HolidayYear {
  return tables.find((t) => t.year === year) ?? generateHolidayYear(year);
}
