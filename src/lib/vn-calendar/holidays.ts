/**
 * Yearly holiday tables for civil servants (Labour Code 2019 art. 111–112) and their validation.
 * A table is either shipped (data/reference/holidays/<year>.json, curated from the yearly
 * government notices) or generated from the statutory rules (./generate-holidays.ts).
 */
import { generateHolidayYear } from './generate-holidays.js';
import {
  type HolidayConfidence, type HolidayDay, type HolidayKind, type HolidayYear, type WorkingSaturday,
  HOLIDAY_CONFIDENCES, HOLIDAY_KINDS,
} from './holiday-types.js';
import { type IsoDate, byDate, isIsoDate, weekdayOf, yearOf } from './plain-date.js';

export {
  type HolidayConfidence, type HolidayDay, type HolidayKind, type HolidayYear, type WorkingSaturday,
  HOLIDAY_CONFIDENCES, HOLIDAY_KINDS, weakestConfidence,
} from './holiday-types.js';

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
  if (o.confidence !== undefined && !HOLIDAY_CONFIDENCES.includes(o.confidence as HolidayConfidence)) {
    problems.push('confidence must be official, expected or computed');
  }
  if (o.confidence === 'official' && o.confirmed === false) problems.push('an official table must be confirmed');
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
    confidence: confidenceOf(o),
  };
}

/**
 * The shipped table of `year` when there is one, else the table generated from the rules.
 * @example holidayYearFor(2031, shipped).generated // true
 */
export function holidayYearFor(year: number, tables: HolidayYear[]): HolidayYear {
  return tables.find((t) => t.year === year) ?? generateHolidayYear(year);
}

/** Stated confidence, else derived: confirmed → official, generated → computed, else expected. */
function confidenceOf(o: Record<string, unknown>): HolidayConfidence {
  if (HOLIDAY_CONFIDENCES.includes(o.confidence as HolidayConfidence)) return o.confidence as HolidayConfidence;
  return o.confirmed === true ? 'official' : o.generated === true ? 'computed' : 'expected';
}
