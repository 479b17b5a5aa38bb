import { describe, expect, test } from 'vitest';
import { isWeekday } from './booking-slots.js';
import { queueClosed, sessionsText } from './opening-hours.js';

const vn = (s: string) => new Date(`${s}+07:00`);

describe('queue opening hours', () => {
  test('open during the sessions and at lunch on a working day', () => {
    expect(queueClosed(vn('2026-12-04T07:00:00'), isWeekday)).toBeNull();
    expect(queueClosed(vn('2026-12-04T12:15:00'), isWeekday)).toBeNull();
    expect(queueClosed(vn('2026-12-04T16:59:00'), isWeekday)).toBeNull();
  });
  test('closed on a Friday evening, early morning, weekends and holidays', () => {
    expect(queueClosed(vn('2026-12-04T20:38:00'), isWeekday)).toEqual({ reason: 'after_close', day: '2026-12-04', opensAt: '07:00' });
    expect(queueClosed(vn('2026-12-04T17:00:00'), isWeekday)?.reason).toBe('after_close');
    expect(queueClosed(vn('2026-12-04T06:59:00'), isWeekday)?.reason).toBe('before_open');
    expect(queueClosed(vn('2026-12-05T09:00:00'), isWeekday)).toEqual({ reason: 'day_off', day: '2026-12-05' });
    expect(queueClosed(vn('2026-09-02T09:00:00'), (d) => d !== '2026-09-02')?.reason).toBe('day_off');
  });
  test('describes the sessions', () => {
    expect(sessionsText()).toBe('sáng 07:30–11:30, chiều 13:30–17:00');
  });
});
