import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayNumberOf, fromDayNumber, toDayNumber, vnDateOf, vnDateTimeOf, weekdayOf, isIsoDate } from './plain-date.js';
import { shippedCalendar, shippedTables } from './test-tables.js';
import { buildWorkCalendar, yearOfDayNumber } from './working-days.js';

describe('plain dates', () => {
  test('day numbers round-trip and weekdays are right', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2100-12-31'))).toBe('2100-12-31');
    expect(weekdayOf('2026-02-12')).toBe(4);
    expect(weekdayOf('1900-01-01')).toBe(1);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(() => toDayNumber('26/02/2026')).toThrow(RangeError);
    fc.assert(fc.property(fc.integer({ min: -25_567, max: 47_846 }), (n) => {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
      expect(yearOfDayNumber(n)).toBe(Number(fromDayNumber(n).slice(0, 4)));
    }));
  });

  test('instants become Vietnam dates explicitly (UTC+7), whatever TZ the process has', () => {
    expect(vnDateOf(new Date('2026-02-12T16:59:59Z'))).toBe('2026-02-12');
    expect(vnDateOf(new Date('2026-02-12T17:00:00Z'))).toBe('2026-02-13');
    expect(vnDateTimeOf(new Date('2026-02-12T08:00:00Z'))).toEqual({ date: '2026-02-12', minutes: 15 * 60 });
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(fc.property(fc.date({ min: new Date('1976-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
      expect(vnDateOf(d)).toBe(fmt.format(d));
    }));
    expect(vnDateOf(new Date('1970-06-01T16:30:00Z'))).toBe(fmt.format(new Date('1970-06-01T16:30:00Z')));
  });
});

describe('buildWorkCalendar', () => {
  const cal = shippedCalendar();

  test('weekdays work, weekends do not, with reasons', () => {
    expect(cal.isWorkingDay('2026-03-04')).toBe(true);
    expect(cal.offReason('2026-03-04')).toBeNull();
    expect(cal.offReason('2026-03-07')).toEqual({ vi: 'Thứ Bảy', en: 'Saturday' });
    expect(cal.offReason('2026-03-08')).toEqual({ vi: 'Chủ nhật', en: 'Sunday' });
  });

  test('holidays and working Saturdays of the tables', () => {
    expect(cal.offReason('2026-02-17')).toEqual({ vi: 'Tết Nguyên đán Bính Ngọ (mùng 1)', en: "Lunar New Year's Day" });
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.offReason('2027-02-09')?.vi).toBe('Nghỉ bù Tết (mùng 1 trùng thứ Bảy)');
  });

  test('years without a table are generated on first use', () => {
    expect(cal.isWorkingDay('2030-02-06')).toBe(false); // compensatory for mùng 1 on Saturday
    expect(cal.offReason('2030-09-03')?.vi).toMatch(/^Nghỉ bù Quốc khánh/);
    expect(cal.holidaysOf(2030).generated).toBe(true);
    expect(cal.isWorkingDay('2024-12-31')).toBe(true);
    expect(cal.isWorkingDay('2024-02-12')).toBe(false); // generated 2024: mùng 3 Giáp Thìn
  });

  test('overrides: off, work (cancel a compensatory day), work on a Saturday; last wins', () => {
    const c = shippedCalendar([
      { date: '2026-02-23', kind: 'off', reason: 'Nghỉ do bão số 1' },
      { date: '2026-04-27', kind: 'work', reason: 'Thông báo chính thức: không nghỉ bù' },
      { date: '2026-03-07', kind: 'work', reason: 'Làm bù ngày 23/02' },
      { date: '2026-03-09', kind: 'off', reason: 'tạm' },
      { date: '2026-03-09', kind: 'work', reason: 'huỷ nghỉ tạm' },
    ]);
    expect(c.offReason('2026-02-23')).toEqual({ vi: 'Nghỉ do bão số 1', en: 'Calendar change: Nghỉ do bão số 1' });
    expect(c.isWorkingDay('2026-04-27')).toBe(true);
    expect(c.isWorkingDay('2026-03-07')).toBe(true);
    expect(c.isWorkingDay('2026-03-09')).toBe(true);
    const y = c.holidaysOf(2026);
    expect(y.days_off.find((d) => d.date === '2026-02-23')?.kind).toBe('override');
    expect(y.days_off.some((d) => d.date === '2026-04-27')).toBe(false);
    expect(y.working_saturdays.map((s) => s.date)).toEqual(['2026-01-10', '2026-03-07', '2026-08-22']);
    expect(cal.holidaysOf(2026).days_off.some((d) => d.date === '2026-04-27')).toBe(true); // original untouched
  });

  test('a calendar from no tables at all is the generated one', () => {
    const bare = buildWorkCalendar([]);
    expect(bare.isWorkingDay('2026-02-16')).toBe(false);
    expect(bare.isWorkingDay('2026-01-10')).toBe(false); // no swap known without the table
  });

  test('isWorkingDay agrees with the merged tables on every day 2024–2031', () => {
    const tables = shippedTables();
    for (let n = dayNumberOf(2024, 1, 1); n < dayNumberOf(2032, 1, 1); n++) {
      const date = fromDayNumber(n);
      const t = cal.holidaysOf(Number(date.slice(0, 4)));
      const listedOff = t.days_off.some((d) => d.date === date);
      const listedWork = t.working_saturdays.some((d) => d.date === date);
      const weekend = [0, 6].includes(weekdayOf(date));
      expect(cal.isWorkingDay(date), date).toBe(listedWork || (!listedOff && !weekend));
    }
    expect(tables).toHaveLength(3);
  });
});
