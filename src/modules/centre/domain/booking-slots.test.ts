import { describe, expect, test } from 'vitest';
import { daySlots, slotProblem, slotStart } from './booking-slots.js';
import { weekdayOf } from '../../../lib/vn-calendar/index.js';

describe('booking slots', () => {
  test('half-hour slots in both sessions', () => {
    const s = daySlots();
    expect(s[0]).toBe('07:30');
    expect(s).toContain('11:00');
    expect(s).not.toContain('11:30');
    expect(s).toContain('13:30');
    expect(s[s.length - 1]).toBe('16:30');
    expect(s).toHaveLength(15);
  });
  test('slot start in Vietnam time', () => {
    expect(slotStart('2026-11-26', '08:00').toISOString()).toBe('2026-11-26T01:00:00.000Z');
  });
  test('problems', () => {
    const now = new Date('2026-11-25T02:00:00Z'); // Wed 09:00 in Hà Nội time
    expect(slotProblem('2026-11-26', '08:00', now)).toBeNull();
    expect(slotProblem('2026-11-25', '08:00', now)).toBe('past');
    expect(slotProblem('2026-11-28', '08:00', now)).toBe('closed');
    expect(slotProblem('2026-11-26', '08:10', now)).toBe('bad_slot');
    expect(slotProblem('2026-13-40', '08:00', now)).toBe('bad_day');
    expect(slotProblem('2027-01-26', '08:00', now)).toBe('too_far');
  });
  test('the working-day calendar decides which days are open', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const calendar = (d: string) => d !== '2026-11-26' && (d === '2026-11-28' || ![0, 6].includes(weekdayOf(d)));
    expect(slotProblem('2026-11-26', '08:00', now, undefined, calendar)).toBe('closed'); // a weekday off
    expect(slotProblem('2026-11-28', '08:00', now, undefined, calendar)).toBeNull();     // a working Saturday
    expect(slotProblem('2026-11-27', '08:00', now, undefined, calendar)).toBeNull();
  });
});
