import { describe, expect, test } from 'vitest';
import { addWorkingDays, dueDate, isLate, nextWorkingDay, workingDaysBetween } from './deadline.js';
import { shippedCalendar } from './test-tables.js';

const cal = shippedCalendar();
const at = (local: string) => new Date(`${local}+07:00`); // a wall-clock time in Hanoi
const due = (accepted: string, n: number, extra: { cutoff?: string } = {}) =>
  dueDate(cal, { acceptedAt: at(accepted), workingDays: n, ...extra }).due;

describe('dueDate — RULES-VN.md §2.2', () => {
  test('the rule\'s own example: Thu 12/02/2026, n = 2 → Mon 23/02/2026, Tết days listed', () => {
    const r = dueDate(cal, { acceptedAt: at('2026-02-12T09:00:00'), workingDays: 2 });
    expect(r.due).toBe('2026-02-23');
    expect(r.receivedOn).toBe('2026-02-12');
    expect(r.skipped.map((s) => s.date)).toEqual([
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
      '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    ]);
    expect(r.skipped[3]).toEqual({ date: '2026-02-17', reason: 'Tết Nguyên đán Bính Ngọ (mùng 1)', reason_en: "Lunar New Year's Day" });
  });

  test('the first day is not counted; weekends are skipped', () => {
    expect(due('2026-03-02T10:00:00', 1)).toBe('2026-03-03');
    expect(due('2026-03-06T10:00:00', 1)).toBe('2026-03-09');
    expect(due('2026-03-02T10:00:00', 5)).toBe('2026-03-09');
    expect(due('2026-03-02T10:00:00', 10)).toBe('2026-03-16');
  });

  test('n = 0: the acceptance day, or the next working day', () => {
    expect(due('2026-03-04T10:00:00', 0)).toBe('2026-03-04');
    expect(due('2026-03-07T10:00:00', 0)).toBe('2026-03-09');
    expect(due('2026-03-04T15:30:00', 0, { cutoff: '15:00' })).toBe('2026-03-05');
    expect(due('2026-03-04T14:59:00', 0, { cutoff: '15:00' })).toBe('2026-03-04');
    expect(due('2026-03-04T23:30:00', 0)).toBe('2026-03-04'); // no cut-off by default
  });

  test('acceptance on a non-working day counts from the next working day', () => {
    expect(due('2026-02-14T09:00:00', 1)).toBe('2026-02-24'); // received Mon 23/02
    expect(dueDate(cal, { acceptedAt: at('2026-02-14T09:00:00'), workingDays: 1 }).receivedOn).toBe('2026-02-23');
    expect(due('2026-01-10T09:00:00', 1)).toBe('2026-01-12'); // Sat 10/01/2026 is a working day
  });

  test('after the cut-off counts as the next working day', () => {
    expect(due('2026-02-13T16:00:00', 1, { cutoff: '15:00' })).toBe('2026-02-24');
    expect(due('2026-02-13T16:00:00', 1)).toBe('2026-02-23');
  });

  test('the instant is read in Vietnam time, not the server\'s zone', () => {
    // 17:30 UTC on 12/02 is 00:30 on Friday 13/02 in Hanoi.
    expect(dueDate(cal, { acceptedAt: new Date('2026-02-12T17:30:00Z'), workingDays: 1 }).due).toBe('2026-02-23');
    expect(dueDate(cal, { acceptedAt: new Date('2026-02-12T16:30:00Z'), workingDays: 1 }).due).toBe('2026-02-13');
  });

  test('deadlines crossing Tết 2025, 2026, 2027 (shipped) and 2030 (generated)', () => {
    expect(due('2025-01-24T09:00:00', 1)).toBe('2025-02-03');
    expect(due('2025-01-24T09:00:00', 3)).toBe('2025-02-05');
    expect(due('2026-02-13T09:00:00', 1)).toBe('2026-02-23');
    expect(due('2027-02-03T09:00:00', 1)).toBe('2027-02-11');
    expect(due('2027-02-03T09:00:00', 2)).toBe('2027-02-12');
    expect(due('2030-01-31T09:00:00', 1)).toBe('2030-02-08');
    expect(due('2030-01-30T09:00:00', 2)).toBe('2030-02-08');
  });

  test('National Day 2/9 and its adjacent day', () => {
    expect(due('2025-08-29T09:00:00', 1)).toBe('2025-09-03'); // off 30/08–02/09
    expect(due('2026-08-21T09:00:00', 1)).toBe('2026-08-22'); // Sat 22/08 worked
    expect(due('2026-08-28T09:00:00', 1)).toBe('2026-09-03'); // off 29/08–02/09
    expect(due('2027-09-01T09:00:00', 1)).toBe('2027-09-06'); // 02–03/09 off, then weekend
  });

  test('a compensatory day and an override change the due date', () => {
    expect(due('2026-04-24T09:00:00', 1)).toBe('2026-04-28'); // Mon 27/04 compensatory
    const storm = shippedCalendar([{ date: '2026-02-23', kind: 'off', reason: 'Nghỉ do bão' }]);
    const r = dueDate(storm, { acceptedAt: at('2026-02-12T09:00:00'), workingDays: 2 });
    expect(r.due).toBe('2026-02-24');
    expect(r.skipped.at(-1)).toEqual({ date: '2026-02-23', reason: 'Nghỉ do bão', reason_en: 'Calendar change: Nghỉ do bão' });
    const noComp = shippedCalendar([{ date: '2026-04-27', kind: 'work', reason: 'Không nghỉ bù' }]);
    expect(dueDate(noComp, { acceptedAt: at('2026-04-24T09:00:00'), workingDays: 1 }).due).toBe('2026-04-27');
  });
});

describe('pauses (supplement requested)', () => {
  const base = { acceptedAt: at('2026-03-02T09:00:00'), workingDays: 5 };

  test('working days inside the pause are not counted; counting resumes after it', () => {
    const r = dueDate(cal, { ...base, pauses: [{ from: at('2026-03-04T10:00:00'), to: at('2026-03-06T14:00:00') }] });
    expect(r.due).toBe('2026-03-11');
    expect(r.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2026-03-05', 'Tạm dừng tính thời hạn (chờ bổ sung hồ sơ)'],
      ['2026-03-06', 'Tạm dừng tính thời hạn (chờ bổ sung hồ sơ)'],
      ['2026-03-07', 'Thứ Bảy'], ['2026-03-08', 'Chủ nhật'],
    ]);
  });

  test('a pause opened and closed the same day changes nothing', () => {
    const p = [{ from: at('2026-03-04T09:00:00'), to: at('2026-03-04T16:00:00') }];
    expect(dueDate(cal, { ...base, pauses: p }).due).toBe('2026-03-09');
  });

  test('an open pause leaves the due date unknown with the days remaining', () => {
    const r = dueDate(cal, { ...base, pauses: [{ from: at('2026-03-04T10:00:00'), to: null }] });
    expect(r).toMatchObject({ due: null, remaining: 3 });
    const late = dueDate(cal, { ...base, pauses: [{ from: at('2026-03-20T10:00:00'), to: null }] });
    expect(late.due).toBe('2026-03-09'); // pause opened after the period ended
  });

  test('a pause over Tết does not double-count', () => {
    const r = dueDate(cal, {
      acceptedAt: at('2026-02-10T09:00:00'), workingDays: 3,
      pauses: [{ from: at('2026-02-11T09:00:00'), to: at('2026-02-24T09:00:00') }],
    });
    // 11/02 is day 1; 12–13/02 and 23–24/02 paused, 14–22/02 Tết; 25/02 day 2, 26/02 day 3.
    expect(r.due).toBe('2026-02-26');
    expect(r.skipped.filter((s) => s.reason.startsWith('Tạm dừng')).map((s) => s.date))
      .toEqual(['2026-02-12', '2026-02-13', '2026-02-23', '2026-02-24']);
  });

  test('bad input is refused', () => {
    expect(() => dueDate(cal, { ...base, workingDays: -1 })).toThrow(RangeError);
    expect(() => dueDate(cal, { ...base, workingDays: 1.5 })).toThrow(RangeError);
    expect(() => dueDate(cal, { ...base, cutoff: '25:00' })).toThrow(RangeError);
    expect(() => dueDate(cal, { ...base, acceptedAt: new Date('x') })).toThrow(RangeError);
    expect(() => dueDate(cal, { ...base, pauses: [{ from: at('2026-03-05T00:00:00'), to: at('2026-03-04T00:00:00') }] })).toThrow(RangeError);
  });
});

describe('helpers', () => {
  test('workingDaysBetween counts (a, b]', () => {
    expect(workingDaysBetween(cal, '2026-02-12', '2026-02-23')).toBe(2);
    expect(workingDaysBetween(cal, '2026-02-23', '2026-02-12')).toBe(-2);
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-02')).toBe(0);
    // 2026: 365 days − 104 weekend days − 13 weekday days off + 2 working Saturdays.
    expect(workingDaysBetween(cal, '2026-01-01', '2026-12-31')).toBe(250);
  });

  test('addWorkingDays both ways, nextWorkingDay', () => {
    expect(addWorkingDays(cal, '2026-02-12', 2)).toBe('2026-02-23');
    expect(addWorkingDays(cal, '2026-02-23', -1)).toBe('2026-02-13');
    expect(addWorkingDays(cal, '2026-02-15', 0)).toBe('2026-02-15');
    expect(nextWorkingDay(cal, '2026-02-13')).toBe('2026-02-23');
  });

  test('isLate: late only after the end of the due day in Hanoi', () => {
    expect(isLate('2026-02-23', new Date('2026-02-23T16:59:59Z'))).toBe(false);
    expect(isLate('2026-02-23', new Date('2026-02-23T17:00:00Z'))).toBe(true);
    expect(isLate('2026-02-23', at('2026-02-20T10:00:00'))).toBe(false);
  });
});
