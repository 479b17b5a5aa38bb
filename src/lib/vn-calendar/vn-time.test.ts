// Cases moved from feedback (iso-week, deadlines), transparency (lib/week, lib/vn-time) and centre
// (domain/numbering) when their copies were folded into this module.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, vnDateOf } from './plain-date.js';
import {
  dateColumn, isoWeekAt, isoWeekOf, isoWeekdayOf, lastMonths, lastWeeks, mondayOf, monthBounds, parseIsoDate, parseVnIsoInstant, parseVnLocalDateTime,
 
  parseWeekKey, shiftWeek, vnDayStart, vnIsoString, vnLocalDateTime, vnParts, vnTimeOf, vnToday, vnWallInstant, vnYearOf, vnYearStart,
  weekKey, weeksInIsoYear, yearBounds,
} from './vn-time.js';

describe('Vietnam wall-clock time', () => {
  it('days follow Vietnam time, so daily numbering restarts at local midnight (centre)', () => {
    expect(vnDateOf(new Date('2026-11-24T16:59:59Z'))).toBe('2026-11-24');
    expect(vnDateOf(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(vnDayStart('2026-11-25').toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(vnParts(new Date('2026-11-25T01:30:00Z')).hour).toBe(8);
    expect(vnTimeOf(new Date('2026-11-25T01:30:00Z'))).toBe('08:30');
  });

  it('takes the Vietnamese day of an instant (feedback)', () => {
    expect(vnDateOf(new Date('2026-11-16T17:30:00Z'))).toBe('2026-11-17');
  });

  it('gives wall-clock parts with the ISO weekday and goes back to the instant (transparency)', () => {
    const at = new Date('2026-12-04T13:36:00Z');
    expect(vnParts(at)).toEqual({ year: 2026, month: 12, day: 4, hour: 20, minute: 36, weekday: 5 });
    expect(vnParts(new Date('2026-12-05T17:00:00Z')).weekday).toBe(7); // Sunday 06/12 00:00
    expect(vnWallInstant(2026, 12, 4, 20, 36).toISOString()).toBe(at.toISOString());
    expect(vnWallInstant(2027, 1, 1).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vnIsoString(at)).toBe('2026-12-04T20:36:00+07:00');
    expect(vnLocalDateTime(at)).toBe('2026-12-04T20:36');
    expect(vnYearOf(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(isoWeekdayOf('2026-12-06')).toBe(7);
    expect(isoWeekdayOf('2026-12-07')).toBe(1);
  });

  it('parses strict dates and pg date columns', () => {
    expect(parseIsoDate(' 2026-11-23 ')).toBe('2026-11-23');
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('23/11/2026')).toBeNull();
    expect(dateColumn('2026-11-23')).toBe('2026-11-23');
    expect(dateColumn(new Date(2026, 10, 23))).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('ISO weeks in Vietnam time', () => {
  it('puts year boundaries in the right ISO year', () => {
    expect(isoWeekOf('2026-01-01')).toMatchObject({ year: 2026, week: 1 });
    expect(isoWeekOf('2027-01-01')).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toMatchObject({ year: 2025, week: 1 });
    expect(weekKey(isoWeekOf('2027-01-01'))).toBe('2026-W53');
    expect(weekKey(isoWeekOf('2024-12-30'))).toBe('2025-W01');
    expect([weeksInIsoYear(2025), weeksInIsoYear(2026)]).toEqual([52, 53]);
  });

  it('uses the Vietnamese day: Sunday 17:30 UTC is already Monday in Hà Nội', () => {
    expect(isoWeekAt(new Date('2026-11-22T17:30:00Z'))).toMatchObject({ year: 2026, week: 48 });
    expect(isoWeekAt(new Date('2026-11-22T16:30:00Z'))).toMatchObject({ year: 2026, week: 47 });
    expect(weekKey(isoWeekAt(new Date('2026-11-29T17:30:00Z')))).toBe('2026-W49');
  });

  it('finds Mondays, the seven days, and round-trips keys', () => {
    expect(mondayOf({ year: 2026, week: 48 })).toBe('2026-11-23');
    expect(mondayOf({ year: 2026, week: 1 })).toBe('2025-12-29');
    expect(parseWeekKey('2026-W48')).toEqual({
      year: 2026, week: 48, monday: '2026-11-23', sunday: '2026-11-29',
      days: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'],
    });
    expect(parseWeekKey(weekKey({ year: 2026, week: 9 }))).toMatchObject({ year: 2026, week: 9 });
    expect(parseWeekKey('2026w9')).toMatchObject({ year: 2026, week: 9 });
  });

  it('rejects malformed and non-existent weeks', () => {
    expect(parseWeekKey('2026-48')).toBeNull();
    expect(parseWeekKey('2026-W54')).toBeNull();
    expect(parseWeekKey('2026-W00')).toBeNull();
    expect(parseWeekKey('2025-W53')).toBeNull();
    expect(parseWeekKey('2026-W53')).toMatchObject({ year: 2026, week: 53 }); // 2026 has 53 ISO weeks
  });

  it('shifts weeks across years and lists the last weeks', () => {
    expect(weekKey(shiftWeek(parseWeekKey('2026-W53')!, 1))).toBe('2027-W01');
    expect(weekKey(shiftWeek({ year: 2026, week: 1 }, -1))).toBe('2025-W52');
    expect(lastWeeks('2026-11-25', 3).map(weekKey)).toEqual(['2026-W46', '2026-W47', '2026-W48']);
  });
});

describe('months and years in Vietnam time', () => {
  it('bounds a month as instants and days', () => {
    const b = monthBounds('2026-12');
    expect(b.from.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect([b.fromDay, b.toDay]).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('lists the last months in Vietnam time', () => {
    expect(lastMonths(new Date('2026-12-31T17:30:00Z'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(lastMonths(new Date('2026-02-10T00:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('bounds a year', () => {
    expect(vnYearStart(2026).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(yearBounds(2026).to.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe('edge cases pinned when the module copies were folded in', () => {
  it('23:30 UTC is already the next day in Vietnam, also across month and year ends', () => {
    expect(vnDateOf(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
    expect(vnLocalDateTime(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01T06:30');
    expect(vnLocalDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T06:30');
    expect(vnParts(new Date('2028-02-28T23:30:00Z'))).toMatchObject({ year: 2028, month: 2, day: 29 });
    expect(vnYearOf(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it('today in Vietnam turns at 17:00 UTC', () => {
    expect(vnToday(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vnToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vnToday()).toBe(vnDateOf(new Date()));
  });

  it('bounds February in a leap year and January across the year', () => {
    expect(monthBounds('2028-02')).toMatchObject({ fromDay: '2028-02-01', toDay: '2028-03-01' });
    expect(monthBounds('2027-01').from.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(lastMonths(new Date('2027-01-01T16:59:59Z'), 2)).toEqual(['2026-12', '2027-01']);
    expect(lastMonths(new Date('2026-12-31T16:59:59Z'), 13)[0]).toBe('2025-12');
  });

  // The copies that lived in the modules (core/dashboard, surveys, community, scoring, lib/format…),
  // kept here as the reference the shared functions must match for every instant since 1975.
  const plus7 = (at: Date) => new Date(at.getTime() + 7 * 3600_000);
  const instants = fc.date({ min: new Date('1976-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });

  it('matches the old fixed-offset copies (day, year, local date-time, month of an instant)', () => {
    fc.assert(fc.property(instants, (at) => {
      expect(vnDateOf(at)).toBe(plus7(at).toISOString().slice(0, 10));
      expect(vnLocalDateTime(at)).toBe(plus7(at).toISOString().slice(0, 16));
      expect(vnYearOf(at)).toBe(plus7(at).getUTCFullYear());
      expect(vnParts(at).month).toBe(plus7(at).getUTCMonth() + 1);
      expect(vnDateOf(at)).toBe(new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }));
    }), { numRuns: 500 });
  });

  it('reads a datetime-local value as Vietnam time, as the old `${text}:00+07:00` copies did for real times', () => {
    expect(parseVnLocalDateTime('2026-03-01T08:00')?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(parseVnLocalDateTime('2027-01-01T06:59')?.toISOString()).toBe('2026-12-31T23:59:00.000Z');
    for (const bad of ['2026-02-30T10:00', '2026-03-01T24:00', '2026-03-01T08:60', '2026-03-01 08:00', '2026-03-01T08:00:00', '']) {
      expect(parseVnLocalDateTime(bad), bad).toBeNull();
    }
    fc.assert(fc.property(instants, (at) => {
      const text = vnLocalDateTime(at);
      expect(parseVnLocalDateTime(text)?.getTime()).toBe(new Date(`${text}:00+07:00`).getTime());
    }), { numRuns: 300 });
  });

  it('matches the old dashboard copies of lastMonths and monthBounds', () => {
    const oldLastMonths = (now: Date, n: number) => {
      const vn = plus7(now);
      const out: string[] = [];
      for (let i = n - 1; i >= 0; i--) {
        const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - i, 1));
        out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
      }
      return out;
    };
    fc.assert(fc.property(instants, fc.integer({ min: 1, max: 24 }), (now, n) => {
      const months = lastMonths(now, n);
      expect(months).toEqual(oldLastMonths(now, n));
      const [y, m] = months[0].split('-').map(Number);
      const b = monthBounds(months[0]);
      expect(b.from.getTime()).toBe(Date.UTC(y, m - 1, 1) - 7 * 3600_000);
      expect(b.to.getTime()).toBe(Date.UTC(y, m, 1) - 7 * 3600_000);
      expect(b.toDay).toBe(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10));
    }), { numRuns: 300 });
  });
});

describe('parseVnIsoInstant', () => {
  it('reads a missing offset as Vietnam time and keeps an explicit one', () => {
    expect(parseVnIsoInstant('2026-03-01')?.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(parseVnIsoInstant('2026-03-01 08:00')?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(parseVnIsoInstant('2026-03-01T08:00:30.5')?.toISOString()).toBe('2026-03-01T01:00:30.500Z');
    expect(parseVnIsoInstant('2026-03-01T08:00Z')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(parseVnIsoInstant('2026-03-01T08:00+0200')?.toISOString()).toBe('2026-03-01T06:00:00.000Z');
  });
  it('refuses days and times that do not exist', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-03-01T24:00', '2026-03-01T08:60', '01/03/2026', '']) {
      expect(parseVnIsoInstant(bad)).toBeNull();
    }
  });
});
