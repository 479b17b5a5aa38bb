import { describe, expect, it } from 'vitest';
import {
  type DeadlineRules, addWorkingDays, buildWorkCalendar, nationalCalendar, nationalRules, parseWorkingHours,
} from '../../lib/vn-calendar/index.js';
import { answeredOnTime, feedbackDueDay, slaStage } from './deadlines.js';

const national = nationalRules();
const vn = (local: string) => new Date(`${local}+07:00`);

describe('feedback deadlines on the national calendar', () => {
  it('does not count the day of receipt and skips the 2026 Tết break (RULES-VN §2.2 example)', () => {
    expect(feedbackDueDay(national, vn('2026-02-12T09:00:00'), 2)).toBe('2026-02-23');
  });

  it('gives 10 working days as two calendar weeks without holidays', () => {
    expect(feedbackDueDay(national, vn('2026-11-02T09:00:00'), 10)).toBe('2026-11-16');
  });

  it('counts the swapped Saturday 10/01/2026 as a working day, Fri 02/01 as a day off', () => {
    expect(nationalCalendar().isWorkingDay('2026-01-10')).toBe(true);
    expect(nationalCalendar().isWorkingDay('2026-01-02')).toBe(false);
    // Received Thu 08/01 within hours, 2 working days: Fri 09/01 (1), Sat 10/01 worked (2).
    expect(feedbackDueDay(national, vn('2026-01-08T10:00:00'), 2)).toBe('2026-01-10');
  });
});

describe('feedback received outside office hours (issue #9, RULES-VN §2.2)', () => {
  it('counts a Friday 20:36 receipt from Monday 07/12/2026', () => {
    // Fri 04/12 20:36 → received Mon 07/12 07:30; 10 working days after Monday: Mon 21/12.
    expect(feedbackDueDay(national, vn('2026-12-04T20:36:00'), 10)).toBe('2026-12-21');
    // Within hours the same Friday counts from Friday: 10 working days → Fri 18/12.
    expect(feedbackDueDay(national, vn('2026-12-04T16:59:00'), 10)).toBe('2026-12-18');
    // 1 working day: Tuesday 08/12, not Monday 07/12.
    expect(feedbackDueDay(national, vn('2026-12-04T20:36:00'), 1)).toBe('2026-12-08');
  });

  it('counts a weekend receipt from the next working day', () => {
    expect(feedbackDueDay(national, vn('2026-12-05T10:00:00'), 1)).toBe('2026-12-08');
    expect(feedbackDueDay(national, vn('2026-12-06T23:59:00'), 1)).toBe('2026-12-08');
  });

  it('counts a holiday receipt from the first working day after the holiday', () => {
    // Quốc khánh 2026: off Sat 29/08 – Wed 02/09; received Tue 01/09 10:00 → Thu 03/09; 3 days → Tue 08/09.
    expect(feedbackDueDay(national, vn('2026-09-01T10:00:00'), 3)).toBe('2026-09-08');
    // Giỗ Tổ compensatory Mon 27/04/2026, then 30/04–03/05 off: received 27/04 → Tue 28/04; 2 days → Mon 04/05.
    expect(feedbackDueDay(national, vn('2026-04-27T09:00:00'), 2)).toBe('2026-05-04');
  });

  it('keeps receipts within hours, before opening or in the lunch break on the same day', () => {
    expect(feedbackDueDay(national, vn('2026-12-07T09:15:00'), 1)).toBe('2026-12-08');
    expect(feedbackDueDay(national, vn('2026-12-07T06:00:00'), 1)).toBe('2026-12-08');
    expect(feedbackDueDay(national, vn('2026-12-07T12:00:00'), 1)).toBe('2026-12-08');
    expect(feedbackDueDay(national, vn('2026-12-07T17:00:00'), 1)).toBe('2026-12-09');
  });

  it("uses the unit's office hours, overrides and cut-off", () => {
    const late: DeadlineRules = { ...national, workingHours: parseWorkingHours('08:00-12:00,13:00-19:00')! };
    expect(feedbackDueDay(late, vn('2026-12-07T18:30:00'), 1)).toBe('2026-12-08');
    expect(feedbackDueDay(national, vn('2026-12-07T18:30:00'), 1)).toBe('2026-12-09');
    const cutoff: DeadlineRules = { ...national, unitCutoff: '16:00' };
    expect(feedbackDueDay(cutoff, vn('2026-12-07T16:10:00'), 1)).toBe('2026-12-09');
    const storm: DeadlineRules = { ...national, calendar: buildWorkCalendar([], [{ date: '2026-12-07', kind: 'off', reason: 'Bão' }]) };
    expect(feedbackDueDay(storm, vn('2026-12-07T09:00:00'), 1)).toBe('2026-12-09');
  });
});

describe('feedback SLA stages', () => {
  const cal = nationalCalendar(); // no holiday in November 2026: Monday–Friday

  it('reminds before, escalates to the head, then to the chairman', () => {
    const due = '2026-11-16';
    expect(slaStage(cal, '2026-11-10', due, 2)).toBe('on_track');
    expect(slaStage(cal, '2026-11-12', due, 2)).toBe('remind');
    expect(slaStage(cal, '2026-11-16', due, 2)).toBe('remind');
    expect(slaStage(cal, '2026-11-17', due, 2)).toBe('escalate_head');
    expect(slaStage(cal, '2026-11-19', due, 2)).toBe('escalate_chairman');
  });

  it('counts the stages in working days: the Tết break delays the chairman', () => {
    // Due Fri 13/02/2026; 14–22/02 off: Mon 23/02 is 1 working day late, Wed 25/02 is 3.
    expect(slaStage(cal, '2026-02-20', '2026-02-13', 2, 3)).toBe('escalate_head');
    expect(slaStage(cal, '2026-02-24', '2026-02-13', 2, 3)).toBe('escalate_head');
    expect(slaStage(cal, '2026-02-25', '2026-02-13', 2, 3)).toBe('escalate_chairman');
  });

  it('finds the "due soon" horizon in working days', () => {
    expect(addWorkingDays(cal, '2026-11-13', 1)).toBe('2026-11-16');
    expect(addWorkingDays(cal, '2026-02-12', 2)).toBe('2026-02-23');
  });

  it('answers on time up to the end of the due day in Vietnam', () => {
    expect(answeredOnTime(new Date('2026-11-16T16:59:00Z'), '2026-11-16')).toBe(true);
    expect(answeredOnTime(new Date('2026-11-16T17:01:00Z'), '2026-11-16')).toBe(false);
  });
});
