/** ISO-8601 weeks of Vietnamese calendar days (Asia/Ho_Chi_Minh, UTC+7 all year). */
import { addDays, vnDateOf as vnDay } from '../../lib/vn-calendar/index.js';

export interface IsoWeek {
  year: number;
  week: number;
}

/** ISO week of a `YYYY-MM-DD` day: the week belongs to the year of its Thursday. */
export function isoWeekOf(isoDay: string): IsoWeek {
  const d = new Date(`${isoDay}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  const thursday = new Date(d.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { year, week };
}

/** ISO week of an instant, taken in Vietnam time. */
export const isoWeekAt = (at: Date): IsoWeek => isoWeekOf(vnDay(at));

/** Monday (`YYYY-MM-DD`) of an ISO week. */
export function mondayOf({ year, week }: IsoWeek): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Weekday = jan4.getUTCDay() || 7;
  const week1Monday = addDays(jan4.toISOString().slice(0, 10), 1 - jan4Weekday);
  return addDays(week1Monday, (week - 1) * 7);
}

export const weekKey = (w: IsoWeek): string => `${w.year}-W${String(w.week).padStart(2, '0')}`;

export function parseWeekKey(key: string): IsoWeek | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return null;
  const w = { year: Number(m[1]), week: Number(m[2]) };
  if (w.week < 1 || w.week > 53) return null;
  return isoWeekOf(mondayOf(w)).week === w.week ? w : null;
}

/** The `count` ISO weeks ending with the week of `lastDay`, oldest first. */
export function lastWeeks(lastDay: string, count: number): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(isoWeekOf(addDays(lastDay, -7 * i)));
  return weeks;
}

export interface CoverageRow {
  groupKind: 'residential_group' | 'organisation';
  groupCode: string;
  groupName: string;
  /** One flag per requested week: was an intake (a meeting or "no new items") recorded? */
  weeks: Array<{ key: string; recorded: boolean }>;
  missed: number;
}

/** Which groups recorded their weekly intake in each of `weeks`. Pure; the repo gives the rows. */
export function coverage(
  groups: Array<{ kind: CoverageRow['groupKind']; code: string; name: string }>,
  recorded: Array<{ group_kind: string; group_code: string; iso_year: number; iso_week: number }>,
  weeks: IsoWeek[],
): CoverageRow[] {
  const seen = new Set(recorded.map((r) => `${r.group_kind}|${r.group_code}|${r.iso_year}-W${String(r.iso_week).padStart(2, '0')}`));
  return groups.map((g) => {
    const cells = weeks.map((w) => ({ key: weekKey(w), recorded: seen.has(`${g.kind}|${g.code}|${weekKey(w)}`) }));
    return { groupKind: g.kind, groupCode: g.code, groupName: g.name, weeks: cells, missed: cells.filter((c) => !c.recorded).length };
  });
}
