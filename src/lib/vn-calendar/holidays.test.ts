import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compensatoryDays, generateHolidayYear, statutoryDays } from './generate-holidays.js';
import { HolidayTableError, holidayYearFor, parseHolidayYear } from './holidays.js';
import { weekdayOf } from './plain-date.js';
import { HOLIDAYS_DIR, shippedCalendar, shippedTables } from './test-tables.js';

const offDates = (year: number) => generateHolidayYear(year).days_off.map((d) => d.date);
const statutoryOf = (dates: { date: string; kind: string }[]) =>
  dates.filter((d) => d.kind === 'statutory').map((d) => d.date);

describe('shipped tables (data/reference/holidays)', () => {
  const tables = shippedTables();

  test('2025, 2026 and 2027 are shipped; 2025 and 2026 official, 2027 computed', () => {
    expect(tables.map((t) => [t.year, t.confirmed, t.confidence])).toEqual([
      [2025, true, 'official'], [2026, true, 'official'], [2027, false, 'computed'],
    ]);
  });

  test('each year lists the 11 statutory days of Labour Code art. 112', () => {
    for (const t of tables) expect(statutoryOf(t.days_off), String(t.year)).toHaveLength(11);
  });

  test('each statutory day on a weekend is followed by a day off (compensatory or swapped)', () => {
    const cal = shippedCalendar();
    for (const t of tables) {
      const weekendHolidays = t.days_off.filter((d) => d.kind === 'statutory' && [0, 6].includes(weekdayOf(d.date)));
      const extra = t.days_off.filter((d) => d.kind === 'compensatory');
      if (t.year !== 2026) expect(extra.length, String(t.year)).toBe(weekendHolidays.length);
      for (const c of extra) expect(cal.isWorkingDay(c.date)).toBe(false);
    }
  });

  test('2026 matches RULES-VN.md §1.4', () => {
    const cal = shippedCalendar();
    const off = (from: string, to: string) => {
      for (let d = from; d <= to; d = new Date(Date.parse(d) + 864e5).toISOString().slice(0, 10)) {
        expect(cal.isWorkingDay(d), d).toBe(false);
      }
    };
    off('2026-01-01', '2026-01-04');
    off('2026-02-14', '2026-02-22');
    off('2026-04-30', '2026-05-03');
    off('2026-08-29', '2026-09-02');
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true); // Saturday worked for 02/01
    expect(cal.isWorkingDay('2026-08-22')).toBe(true); // Saturday worked for 31/08
    expect(cal.isWorkingDay('2026-04-27')).toBe(false); // compensatory for Giỗ Tổ on Sunday 26/04
    expect(cal.isWorkingDay('2026-09-03')).toBe(true);
  });

  test('the files are copies of the shared research table, with kinds curated', () => {
    const shared = JSON.parse(readFileSync('/work/shared/data/holidays-vn.json', 'utf8')) as Array<{ year: number; days_off: { date: string }[] }>;
    for (const s of shared) {
      const shipped = JSON.parse(readFileSync(`${HOLIDAYS_DIR}${s.year}.json`, 'utf8')) as { days_off: { date: string }[] };
      const extra = shipped.days_off.map((d) => d.date).filter((d) => !s.days_off.some((x) => x.date === d));
      expect(extra).toEqual(s.year === 2026 ? ['2026-04-26'] : []);
    }
  });

  test('fixed-date and Hùng Kings days agree with the generator', () => {
    for (const t of tables) {
      const generated = statutoryDays(t.year).map((d) => d.date).filter((d) => !/-(0[12])-/.test(d) || d.endsWith('-01-01'));
      const expected = generated.map((d) => (t.year === 2027 && d === '2027-09-01' ? '2027-09-03' : d));
      for (const d of expected) expect(statutoryOf(t.days_off), d).toContain(d);
    }
  });
});

describe('generated tables', () => {
  test('2030: Tết Canh Tuất with two compensatory days, 1/9 on Sunday → 3/9 off', () => {
    const t = generateHolidayYear(2030);
    expect(t).toMatchObject({ year: 2030, confirmed: false, generated: true, confidence: 'computed', working_saturdays: [] });
    expect(offDates(2030)).toEqual([
      '2030-01-01', '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05',
      '2030-02-06', '2030-02-07', '2030-04-12', '2030-04-30', '2030-05-01', '2030-09-01',
      '2030-09-02', '2030-09-03',
    ]);
    expect(t.days_off.find((d) => d.date === '2030-02-01')?.name_vi).toBe('Tết Nguyên đán Canh Tuất (29 tháng Chạp)');
    expect(t.days_off.find((d) => d.date === '2030-09-03')?.kind).toBe('compensatory');
  });

  test('2026 generated equals the shipped statutory days except the Tết split', () => {
    expect(statutoryOf(generateHolidayYear(2026).days_off)).toEqual(statutoryOf(shippedTables()[1].days_off));
  });

  test('compensatory days skip weekends and other holidays (2027 Tết on Saturday)', () => {
    const comp = compensatoryDays([
      { date: '2027-02-05', name_vi: 'a', name_en: 'a' }, { date: '2027-02-06', name_vi: 'b', name_en: 'b' },
      { date: '2027-02-07', name_vi: 'c', name_en: 'c' }, { date: '2027-02-08', name_vi: 'd', name_en: 'd' },
    ]);
    expect(comp.map((c) => c.date)).toEqual(['2027-02-09', '2027-02-10']);
    expect(comp[0].name_vi).toBe('Nghỉ bù b (trùng thứ Bảy 06/02)');
  });

  test('options: National Day adjacent day after, Culture Day 24/11', () => {
    expect(offDates(2031)).toContain('2031-09-01');
    expect(statutoryDays(2031, { nationalDayAdjacent: 'after' }).map((d) => d.date)).toContain('2031-09-03');
    expect(statutoryDays(2031, { cultureDay: true }).map((d) => d.date)).toContain('2031-11-24');
  });

  test('every year 1901–2100 has 11 days off for its holidays, inside the year, valid tables', () => {
    const clashes: number[] = [];
    for (let y = 1901; y <= 2100; y++) {
      const t = generateHolidayYear(y);
      const unique = statutoryOf(t.days_off).length;
      if (unique === 10) clashes.push(y);
      const compensating = t.days_off.filter((d) => d.kind === 'compensatory').length;
      const onWeekend = statutoryOf(t.days_off).filter((d) => [0, 6].includes(weekdayOf(d))).length;
      expect(compensating).toBe(onWeekend + 11 - unique);
      expect(() => parseHolidayYear(t)).not.toThrow();
      for (const c of t.days_off.filter((d) => d.kind === 'compensatory')) {
        expect([1, 2, 3, 4, 5]).toContain(weekdayOf(c.date));
      }
    }
    expect(clashes.length).toBeGreaterThan(0); // Giỗ Tổ on 30/4 or 1/5 in some years
    expect(clashes.every((y) => y < 2026 || y > 2027)).toBe(true);
  });

  test('Giỗ Tổ on 30/4 (1947) gives one shared entry and a compensatory day', () => {
    const t = generateHolidayYear(1947);
    expect(t.days_off.find((d) => d.date === '1947-04-30')?.name_vi).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)');
    expect(t.days_off.filter((d) => d.kind === 'compensatory').map((d) => d.name_vi)).toContain('Nghỉ bù Ngày Chiến thắng (30/4) (trùng một ngày lễ khác 30/04)');
  });

  test('holidayYearFor prefers the shipped table', () => {
    expect(holidayYearFor(2026, shippedTables()).working_saturdays).toHaveLength(2);
    expect(holidayYearFor(2028, shippedTables()).generated).toBe(true);
  });
});

describe('parseHolidayYear rejects bad tables', () => {
  const good = { year: 2031, days_off: [], working_saturdays: [], source: 'x', confirmed: false };
  const problems = (t: unknown) => {
    try {
      parseHolidayYear(t);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(HolidayTableError);
      return (e as HolidayTableError).problems;
    }
  };
  test('valid minimal table', () => expect(problems(good)).toEqual([]));
  test('bad dates, other years, duplicates, weekday "working Saturday", bad kind', () => {
    const p = problems({
      ...good,
      days_off: [
        { date: '2031-02-30', name_vi: 'a', name_en: 'a', kind: 'statutory' },
        { date: '2030-01-01', name_vi: 'a', name_en: 'a', kind: 'statutory' },
        { date: '2031-05-01', name_vi: 'a', name_en: 'a', kind: 'holiday' },
        { date: '2031-05-01', name_vi: '', name_en: 'a', kind: 'statutory' },
      ],
      working_saturdays: [{ date: '2031-01-06', reason: 'x' }],
    });
    expect(p).toEqual([
      'days_off[0]: bad date 2031-02-30',
      'days_off[1]: 2030-01-01 is not in 2031',
      'days_off[2]: bad kind',
      'days_off[3]: 2031-05-01 listed twice',
      'days_off[3]: name_vi required',
      'working_saturdays[0]: 2031-01-06 is not a weekend day',
    ]);
  });
  test('missing fields', () => {
    expect(problems({ year: '2031' })).toHaveLength(5);
  });
});
