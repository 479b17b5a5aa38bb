import { describe, expect, it } from 'vitest';
import { dueDay } from './deadlines.js';
import { nationalCalendar } from './work-calendar.js';

describe('national work calendar for feedback deadlines', () => {
  it('skips the 2026 Tết break (RULES-VN §2.2 example)', () => {
    expect(dueDay(nationalCalendar(), '2026-02-12', 2)).toBe('2026-02-23');
  });

  it('counts the swapped Saturday 10/01/2026 as a working day', () => {
    expect(nationalCalendar().isWorkingDay('2026-01-10')).toBe(true);
    expect(nationalCalendar().isWorkingDay('2026-01-02')).toBe(false);
  });
});
