import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from '../../lib/vn-calendar/index.js';
import { shippedHolidayYears } from '../../lib/vn-calendar/shipped.js';
import {
  complaintAcceptDue, complaintLodgedInTime, complaintResolveDue, denunciationAcceptDue, denunciationResolveDue, resolveDue, resolvedOnTime,
} from './clocks.js';
import { workingDaysAfter } from './work-calendar.js';

const cal = buildWorkCalendar(shippedHolidayYears());
const wd = (d: string, n: number) => workingDaysAfter(cal, d, n);

describe('complaint clocks (Law on Complaints 2011, RULES-VN §4.2: calendar days)', () => {
  it('accepts within 10 days of receipt, counted from the next day', () => {
    expect(complaintAcceptDue('2026-02-12')).toBe('2026-02-22'); // Tết does not stop a calendar-day clock
    expect(complaintAcceptDue('2026-12-28')).toBe('2027-01-07');
  });
  it('settles within 30 days, 45 complex; remote areas 45, 60 complex', () => {
    expect(complaintResolveDue('2026-02-20', { complex: false, remote: false })).toBe('2026-03-22');
    expect(complaintResolveDue('2026-02-20', { complex: true, remote: false })).toBe('2026-04-06');
    expect(complaintResolveDue('2026-02-20', { complex: false, remote: true })).toBe('2026-04-06');
    expect(complaintResolveDue('2026-02-20', { complex: true, remote: true })).toBe('2026-04-21');
  });
  it('checks the 90-day limit for lodging (art. 9)', () => {
    expect(complaintLodgedInTime('2026-01-01', '2026-04-01')).toBe(true); // day 90
    expect(complaintLodgedInTime('2026-01-01', '2026-04-02')).toBe(false); // day 91
  });
});

describe('denunciation clocks (Law on Denunciations 2018, RULES-VN §4.3)', () => {
  it('accepts within 7 working days: the RULES example week of Tết 2026', () => {
    // Thu 12/02 received; 13/02 = day 1; 14–22/02 Tết; 23, 24, 25, 26, 27/02 = days 2–6; Mon 02/03 = day 7.
    expect(denunciationAcceptDue('2026-02-12', wd)).toBe('2026-03-02');
    // An ordinary week: Mon 09/11/2026 → Wed 18/11/2026.
    expect(denunciationAcceptDue('2026-11-09', wd)).toBe('2026-11-18');
  });
  it('settles within 30 days, extended once or twice by 30 days, never three times', () => {
    expect(denunciationResolveDue('2026-03-02', 0)).toBe('2026-04-01');
    expect(denunciationResolveDue('2026-03-02', 1)).toBe('2026-05-01');
    expect(denunciationResolveDue('2026-03-02', 2)).toBe('2026-05-31');
    expect(() => denunciationResolveDue('2026-03-02', 3)).toThrow(RangeError);
  });
  it('derives the due date from stored facts and judges on-time settlement', () => {
    const c = { kind: 'denunciation' as const, accepted_on: '2026-03-02', complex: false, extensions: 1 };
    expect(resolveDue(c, false)).toBe('2026-05-01');
    expect(resolveDue({ ...c, accepted_on: null }, false)).toBeNull();
    expect(resolvedOnTime('2026-05-01', '2026-05-01')).toBe(true);
    expect(resolvedOnTime('2026-05-02', '2026-05-01')).toBe(false);
  });
});
