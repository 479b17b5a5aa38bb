import { describe, expect, it } from 'vitest';
import { answeredOnTime, dueDay, slaStage, vnDay, weekdayCalendar, workingDaysBetween, type WorkingCalendar } from './deadlines.js';

/** The 2026 Tết break from RULES-VN.md §1.4: 14–22/02/2026 off. */
const tet2026: WorkingCalendar = {
  isWorkingDay: (d) => weekdayCalendar.isWorkingDay(d) && !(d >= '2026-02-14' && d <= '2026-02-22'),
};

describe('feedback deadlines', () => {
  it('does not count the day of receipt (RULES-VN §2.2 example)', () => {
    expect(dueDay(tet2026, '2026-02-12', 2)).toBe('2026-02-23');
  });

  it('gives 10 working days as two calendar weeks without holidays', () => {
    expect(dueDay(weekdayCalendar, '2026-11-02', 10)).toBe('2026-11-16');
    expect(dueDay(weekdayCalendar, '2026-11-07', 1)).toBe('2026-11-09');
  });

  it('counts working days between two days in both directions', () => {
    expect(workingDaysBetween(weekdayCalendar, '2026-11-13', '2026-11-16')).toBe(1);
    expect(workingDaysBetween(weekdayCalendar, '2026-11-16', '2026-11-13')).toBe(-1);
  });

  it('reminds before, escalates to the head, then to the chairman', () => {
    const due = '2026-11-16';
    expect(slaStage(weekdayCalendar, '2026-11-10', due, 2)).toBe('on_track');
    expect(slaStage(weekdayCalendar, '2026-11-12', due, 2)).toBe('remind');
    expect(slaStage(weekdayCalendar, '2026-11-16', due, 2)).toBe('remind');
    expect(slaStage(weekdayCalendar, '2026-11-17', due, 2)).toBe('escalate_head');
    expect(slaStage(weekdayCalendar, '2026-11-19', due, 2)).toBe('escalate_chairman');
  });

  it('takes the Vietnamese day of an instant', () => {
    expect(vnDay(new Date('2026-11-16T17:30:00Z'))).toBe('2026-11-17');
    expect(answeredOnTime(new Date('2026-11-16T16:59:00Z'), '2026-11-16')).toBe(true);
    expect(answeredOnTime(new Date('2026-11-16T17:01:00Z'), '2026-11-16')).toBe(false);
  });
});
