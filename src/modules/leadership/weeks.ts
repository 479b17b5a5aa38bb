/** ISO weeks (Monday–Sunday) and months of a year, as 'YYYY-MM-DD' strings. Pure. */
import { addDays, mondayOf, weeksInIsoYear } from '../../lib/vn-calendar/index.js';

/**
 * Mondays of the ISO weeks of `year` (a week belongs to the year of its Thursday) that ended on or
 * before `today` (a running week is not yet judged).
 */
export function finishedWeeks(year: number, today: string): string[] {
  return Array.from({ length: weeksInIsoYear(year) }, (_, i) => mondayOf({ year, week: i + 1 }))
    .filter((monday) => addDays(monday, 6) < today);
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
