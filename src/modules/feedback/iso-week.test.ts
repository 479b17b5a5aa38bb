import { describe, expect, it } from 'vitest';
import { coverage, isoWeekAt, isoWeekOf, lastWeeks, mondayOf, parseWeekKey, weekKey } from './iso-week.js';

describe('ISO weeks in Vietnam time', () => {
  it('puts year boundaries in the right ISO year', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('uses the Vietnamese day: Sunday 17:30 UTC is already Monday in Hà Nội', () => {
    expect(isoWeekAt(new Date('2026-11-22T17:30:00Z'))).toEqual({ year: 2026, week: 48 });
    expect(isoWeekAt(new Date('2026-11-22T16:30:00Z'))).toEqual({ year: 2026, week: 47 });
  });

  it('finds Mondays and round-trips keys', () => {
    expect(mondayOf({ year: 2026, week: 48 })).toBe('2026-11-23');
    expect(mondayOf({ year: 2026, week: 1 })).toBe('2025-12-29');
    expect(parseWeekKey(weekKey({ year: 2026, week: 9 }))).toEqual({ year: 2026, week: 9 });
    expect(parseWeekKey('2025-W53')).toBeNull();
    expect(parseWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
  });

  it('shows the groups that missed a week', () => {
    const weeks = lastWeeks('2026-11-25', 3);
    expect(weeks.map(weekKey)).toEqual(['2026-W46', '2026-W47', '2026-W48']);
    const rows = coverage(
      [
        { kind: 'residential_group', code: 'to-1', name: 'Tổ dân phố số 1' },
        { kind: 'organisation', code: 'womens_union', name: 'Hội Liên hiệp Phụ nữ' },
      ],
      [
        { group_kind: 'residential_group', group_code: 'to-1', iso_year: 2026, iso_week: 46 },
        { group_kind: 'residential_group', group_code: 'to-1', iso_year: 2026, iso_week: 48 },
        { group_kind: 'organisation', group_code: 'womens_union', iso_year: 2026, iso_week: 47 },
      ],
      weeks,
    );
    expect(rows[0].weeks.map((w) => w.recorded)).toEqual([true, false, true]);
    expect(rows[0].missed).toBe(1);
    expect(rows[1].missed).toBe(2);
  });
});
