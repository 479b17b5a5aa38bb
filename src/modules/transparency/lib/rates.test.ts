import { describe, expect, it } from 'vitest';
import { percent, summarise, yearStats, type MonthlyFigure } from './rates.js';

const f = (month: number, field: string, on: number, off: number, res: number, ok: number, year = 2026): MonthlyFigure =>
  ({ year, month, field, receivedOnline: on, receivedInPerson: off, resolved: res, resolvedOnTime: ok });

describe('online and on-time rates', () => {
  it('rounds to one decimal and is null for an empty denominator', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });
  it('sums before dividing (not an average of monthly rates)', () => {
    const s = summarise([f(1, 'Hộ tịch', 90, 10, 100, 99), f(2, 'Hộ tịch', 10, 90, 100, 50)]);
    expect(s).toMatchObject({ received: 200, receivedOnline: 100, onlineRate: 50, onTimeRate: 74.5 });
  });
  it('breaks a year down by month and field, ignoring other years', () => {
    const rows = [f(1, 'Hộ tịch', 30, 10, 40, 38), f(1, 'Chứng thực', 5, 45, 50, 50), f(3, 'Hộ tịch', 7, 3, 9, 9), f(1, 'Hộ tịch', 999, 0, 0, 0, 2025)];
    const y = yearStats(2026, rows);
    expect(y.total).toMatchObject({ receivedOnline: 42, receivedInPerson: 58, onlineRate: 42, resolved: 99, resolvedOnTime: 97, onTimeRate: 98 });
    expect(y.byMonth).toHaveLength(12);
    expect(y.byMonth[0]).toMatchObject({ month: 1, received: 90, onlineRate: 38.9 });
    expect(y.byMonth[1]).toMatchObject({ received: 0, onlineRate: null });
    expect(y.byField.map((x) => [x.field, x.onlineRate])).toEqual([['Chứng thực', 10], ['Hộ tịch', 74]]);
  });
});
