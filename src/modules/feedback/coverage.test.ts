import { describe, expect, it } from 'vitest';
import { lastWeeks, weekKey } from '../../lib/vn-calendar/index.js';
import { coverage } from './coverage.js';

describe('weekly intake coverage', () => {
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
