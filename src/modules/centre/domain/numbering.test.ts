import { describe, expect, test } from 'vitest';
import { formatTicketNumber, isValidPrefix, spokenNumber } from './numbering.js';

describe('ticket numbering', () => {
  test('pads to three digits and grows past 999', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('B', 42)).toBe('B042');
    expect(formatTicketNumber('C', 1000)).toBe('C1000');
    expect(() => formatTicketNumber('A', 0)).toThrow();
  });
  // Vietnam-day cases (numbering restarts at local midnight) moved to src/lib/vn-calendar/vn-time.test.ts.
  test('prefixes are short upper-case letters', () => {
    expect(isValidPrefix('A')).toBe(true);
    expect(isValidPrefix('ĐĐ')).toBe(false);
    expect(isValidPrefix('a')).toBe(false);
  });
  test('numbers are spoken digit by digit in Vietnamese', () => {
    expect(spokenNumber('A007')).toBe('A, không không bảy');
  });
});
