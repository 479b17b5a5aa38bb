import { describe, expect, it } from 'vitest';
import { formatIsoWeek, isoWeekOfDate, isoWeekOfInstant, parseIsoWeek, shiftWeek } from './week.js';

describe('ISO weeks', () => {
  it('parses 2026-W48 as Monday 23/11 to Sunday 29/11', () => {
    expect(parseIsoWeek('2026-W48')).toMatchObject({ monday: '2026-11-23', sunday: '2026-11-29' });
  });
  it('rejects malformed and non-existent weeks', () => {
    expect(parseIsoWeek('2026-48')).toBeNull();
    expect(parseIsoWeek('2026-W54')).toBeNull();
    expect(parseIsoWeek('2026-W53')).not.toBeNull(); // 2026 has 53 ISO weeks
    expect(parseIsoWeek('2025-W53')).toBeNull();
  });
  it('puts early January in the previous year when needed', () => {
    expect(formatIsoWeek(isoWeekOfDate('2027-01-01'))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOfDate('2024-12-30'))).toBe('2025-W01');
  });
  it('uses Vietnam time for instants and shifts weeks', () => {
    expect(formatIsoWeek(isoWeekOfInstant(new Date('2026-11-29T17:30:00Z')))).toBe('2026-W49');
    expect(formatIsoWeek(shiftWeek(parseIsoWeek('2026-W53')!, 1))).toBe('2027-W01');
  });
});
