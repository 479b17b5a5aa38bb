import { test, expect } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatPercent } from './format.js';
import { vnDateOf } from './vn-calendar/index.js';

test('dates are shown dd/mm/yyyy in Vietnam time', () => {
  expect(formatDate('2026-01-05')).toBe('05/01/2026');
  expect(formatDate(new Date('2026-01-04T18:30:00Z'))).toBe('05/01/2026');
  expect(formatDateTime(new Date('2026-01-04T18:30:00Z'))).toBe('01:30 05/01/2026');
  expect(vnDateOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
});

test('money uses dots for thousands and the đ sign', () => {
  expect(formatMoney(200000)).toBe('200.000 đ');
  expect(formatMoney(1234567)).toBe('1.234.567 đ');
  expect(formatMoney(0, 'Miễn phí')).toBe('Miễn phí');
  expect(formatMoney(0)).toBe('0 đ');
  expect(formatPercent(0.875)).toBe('87,5 %');
});
