/** ISO weeks (Monday–Sunday) and months of a year, as 'YYYY-MM-DD' strings. Pure. */
import { addDays, weekdayOf } from '../../lib/vn-calendar/index.js';

/** Monday of the week of `date` (weekdayOf: 0 = Sunday … 6 = Saturday). */
export function mondayOf(date: string): string {
  const wd = weekdayOf(date);
  return addDays(date, wd === 0 ? -6 : 1 - wd);
}

/**
 * Mondays of the ISO weeks of `year` (a week belongs to the year of its Thursday) that ended on or
 * before `today` (a running week is not yet judged).
 */
export function finishedWeeks(year: number, today: string): string[] {
  const out: string[] = [];
  for (let monday = mondayOf(addDays(`${year}-01-04`, 0)); addDays(monday, 3).startsWith(String(year)); monday = addDays(monday, 7)) {
    if (addDays(monday, 6) < today) out.push(monday);
  }
  return out;
}

/** Months ('YYYY-MM') of `year` that have begun by `today` (the running month counts once it has a session). */
export function monthsBegun(year: number, today: string): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const ym = `${year}-${String(m).padStart(2, '0')}`;
    if (`${ym}-01` <= today) out.push(ym);
  }
  return out;
}
