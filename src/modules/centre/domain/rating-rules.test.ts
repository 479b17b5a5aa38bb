import { describe, expect, test } from 'vitest';
import { checkRating, rateableTicket } from './rating-rules.js';

describe('rating rules', () => {
  test('accepts the three scores with known reasons', () => {
    expect(checkRating({ score: 'satisfied', reasons: ['fast', 'fast', 'friendly'], comment: '  Rất tốt ' })).toEqual({
      ok: true, value: { score: 'satisfied', reasons: ['fast', 'friendly'], comment: 'Rất tốt' },
    });
    expect(checkRating({ score: 'normal', reasons: 'slow' })).toMatchObject({ ok: true, value: { reasons: ['slow'], comment: null } });
  });
  test('rejects unknown scores, reasons and long comments', () => {
    expect(checkRating({ score: 'great' })).toMatchObject({ ok: false, field: 'score' });
    expect(checkRating({ score: 'normal', reasons: ['bribe'] })).toMatchObject({ ok: false, field: 'reasons' });
    expect(checkRating({ score: 'normal', comment: 'x'.repeat(1001) })).toMatchObject({ ok: false, field: 'comment' });
  });
  test('a device rates only the last finished, unrated, recent ticket', () => {
    const now = new Date('2026-11-25T03:00:00Z');
    const min = (m: number) => new Date(now.getTime() - m * 60_000);
    const a = { id: 'a', finishedAt: min(20), rated: false };
    const b = { id: 'b', finishedAt: min(3), rated: false };
    expect(rateableTicket([a, b], now)?.id).toBe('b');
    expect(rateableTicket([a, { ...b, rated: true }], now)).toBeNull();
    expect(rateableTicket([a], now)).toBeNull();
    expect(rateableTicket([], now)).toBeNull();
  });
});
