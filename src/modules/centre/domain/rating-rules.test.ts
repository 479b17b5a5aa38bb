import { describe, expect, test } from 'vitest';
import { checkRating, qrRatingProblem, rateableTicket } from './rating-rules.js';

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
  test('a QR code rates only a served ticket, and only within three days of issue', () => {
    const issued = new Date('2026-11-25T02:00:00Z');
    const at = (h: number) => new Date(issued.getTime() + h * 3600_000);
    expect(qrRatingProblem({ status: 'waiting', created_at: issued }, at(1))).toBe('not_served');
    expect(qrRatingProblem({ status: 'called', created_at: issued }, at(1))).toBe('not_served');
    expect(qrRatingProblem({ status: 'no_show', created_at: issued }, at(1))).toBe('not_served');
    expect(qrRatingProblem({ status: 'serving', created_at: issued }, at(1))).toBeNull();
    expect(qrRatingProblem({ status: 'done', created_at: issued }, at(72))).toBeNull();
    expect(qrRatingProblem({ status: 'done', created_at: issued }, at(72.01))).toBe('expired');
  });
});
