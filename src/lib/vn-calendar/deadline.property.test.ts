import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type DueInput, dueDate, workingDaysBetween } from './deadline.js';
import { fromDayNumber, toDayNumber } from './plain-date.js';
import { shippedCalendar } from './test-tables.js';
import type { CalendarOverride } from './working-days.js';

const cal = shippedCalendar();
const instant = fc.date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2031-06-30T00:00:00Z'), noInvalidDate: true });
const days = fc.integer({ min: 0, max: 120 });
const cutoff = fc.option(fc.constantFrom('15:00', '16:30', '11:00'), { nil: undefined });
const runs = { numRuns: 400 };

const dueOf = (input: DueInput, c = cal) => dueDate(c, input).due as string;

describe('dueDate properties (fast-check)', () => {
  test('the due date is a working day, and n working days follow the received day', () => {
    fc.assert(fc.property(instant, days, cutoff, (acceptedAt, n, cut) => {
      const r = dueDate(cal, { acceptedAt, workingDays: n, cutoff: cut });
      expect(cal.isWorkingDay(r.due as string)).toBe(true);
      expect(workingDaysBetween(cal, r.receivedOn, r.due as string)).toBe(n);
    }), runs);
  });

  test('monotonic in n, and n + 1 is strictly later than n', () => {
    fc.assert(fc.property(instant, days, days, cutoff, (acceptedAt, a, b, cut) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(dueOf({ acceptedAt, workingDays: lo, cutoff: cut }) <= dueOf({ acceptedAt, workingDays: hi, cutoff: cut })).toBe(true);
      expect(dueOf({ acceptedAt, workingDays: lo, cutoff: cut }) < dueOf({ acceptedAt, workingDays: lo + 1, cutoff: cut })).toBe(true);
    }), runs);
  });

  test('monotonic in the acceptance instant', () => {
    fc.assert(fc.property(instant, instant, days, cutoff, (x, y, n, cut) => {
      const [early, late] = x <= y ? [x, y] : [y, x];
      expect(dueOf({ acceptedAt: early, workingDays: n, cutoff: cut }) <= dueOf({ acceptedAt: late, workingDays: n, cutoff: cut })).toBe(true);
    }), runs);
  });

  test('a cut-off never makes the due date earlier', () => {
    fc.assert(fc.property(instant, days, (acceptedAt, n) => {
      expect(dueOf({ acceptedAt, workingDays: n }) <= dueOf({ acceptedAt, workingDays: n, cutoff: '15:00' })).toBe(true);
    }), runs);
  });

  test('a closed pause never makes the due date earlier and skips exactly its working days', () => {
    const pause = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }));
    fc.assert(fc.property(instant, days, pause, (acceptedAt, n, [startOffset, length]) => {
      const from = new Date(acceptedAt.getTime() + startOffset * 864e5);
      const to = new Date(from.getTime() + length * 864e5);
      const plain = dueDate(cal, { acceptedAt, workingDays: n });
      const paused = dueDate(cal, { acceptedAt, workingDays: n, pauses: [{ from, to }] });
      expect(cal.isWorkingDay(paused.due as string)).toBe(true);
      expect((paused.due as string) >= (plain.due as string)).toBe(true);
      const pausedDays = paused.skipped.filter((s) => s.reason.startsWith('Tạm dừng')).length;
      expect(workingDaysBetween(cal, paused.receivedOn, paused.due as string)).toBe(n + pausedDays);
    }), runs);
  });

  test('with random overrides the due date is still a working day of that calendar', () => {
    const override = fc.record({
      date: fc.integer({ min: toDayNumber('2024-06-01'), max: toDayNumber('2031-12-31') }).map(fromDayNumber),
      kind: fc.constantFrom('off' as const, 'work' as const),
      reason: fc.constant('Điều chỉnh lịch'),
    });
    fc.assert(fc.property(fc.array(override, { maxLength: 20 }), instant, days, (ovs: CalendarOverride[], acceptedAt, n) => {
      const c = shippedCalendar(ovs);
      const d = dueOf({ acceptedAt, workingDays: n }, c);
      expect(c.isWorkingDay(d)).toBe(true);
      expect(dueOf({ acceptedAt, workingDays: n }, c) < dueOf({ acceptedAt, workingDays: n + 1 }, c)).toBe(true);
    }), { numRuns: 150 });
  });
});
