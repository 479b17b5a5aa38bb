/** Which groups recorded their weekly intake, week by week (ISO weeks of src/lib/vn-calendar). */
import { type IsoWeekId, weekKey } from '../../lib/vn-calendar/index.js';

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
  weeks: IsoWeekId[],
): CoverageRow[] {
  const seen = new Set(recorded.map((r) => `${r.group_kind}|${r.group_code}|${weekKey({ year: r.iso_year, week: r.iso_week })}`));
  return groups.map((g) => {
    const cells = weeks.map((w) => ({ key: weekKey(w), recorded: seen.has(`${g.kind}|${g.code}|${weekKey(w)}`) }));
    return { groupKind: g.kind, groupCode: g.code, groupName: g.name, weeks: cells, missed: cells.filter((c) => !c.recorded).length };
  });
}
