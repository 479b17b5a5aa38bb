import { describe, expect, test } from 'vitest';
import { formatTicketNumber, isValidPrefix, spokenNumber, vnDay, vnDayStart, vnHour, vnTime } from './numbering.js';

describe('ticket numbering', () => {
  test('pads to three digits and grows past 999', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('B', 42)).toBe('B042');
    expect(formatTicketNumber('C', 1000)).toBe('C1000');
    expect(() => formatTicketNumber('A', 0)).toThrow();
  });
  test('days follow Vietnam time, so numbering restarts at local midnight', () => {
    expect(vnDay(new Date('2026-11-24T16:59:59Z'))).toBe('2026-11-24');
    expect(vnDay(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(vnDayStart('2026-11-25').toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(vnHour(new Date('2026-11-25T01:30:00Z'))).toBe(8);
    expect(vnTime(new Date('2026-11-25T01:30:00Z'))).toBe('08:30');
  });
  test('prefixes are short upper-case letters', () => {
    expect(isValidPrefix('A')).toBe(true);
    expect(isValidPrefix('ĐĐ')).toBe(false);
    expect(isValidPrefix('a')).toBe(false);
  });
  test('numbers are spoken digit by digit in Vietnamese', () => {
    expect(spokenNumber('A007')).toBe('A, không không bảy');
  });
});
