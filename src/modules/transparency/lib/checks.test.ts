import { describe, expect, it } from 'vitest';
import { checkPdf, MAX_PDF_BYTES, safeFileName } from './pdf-upload.js';
import { daysOverdue, isOverdue, needsReminder } from './freshness.js';

describe('PDF upload checks', () => {
  it('accepts %PDF- and rejects other bytes with 422', () => {
    expect(checkPdf(Buffer.from('%PDF-1.7\n...'))).toEqual({ ok: true });
    expect(checkPdf(Buffer.from('<html>'))).toMatchObject({ ok: false, status: 422, reason: 'not_pdf' });
    expect(checkPdf(Buffer.alloc(0))).toMatchObject({ status: 422 });
  });
  it('rejects more than 20 MB or a truncated stream with 413', () => {
    expect(checkPdf(Buffer.alloc(MAX_PDF_BYTES + 1))).toMatchObject({ status: 413 });
    expect(checkPdf(Buffer.from('%PDF-'), true)).toMatchObject({ status: 413 });
  });
  it('makes a safe file name', () => {
    expect(safeFileName('../../Quyết định số 12.pdf')).toBe('Quyết-định-số-12.pdf');
    expect(safeFileName('bang ke')).toBe('bang-ke.pdf');
  });
});

describe('review freshness', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  const item = (reviewed: string, days: number, reminded: string | null = null) =>
    ({ lastReviewedAt: new Date(reviewed), reviewIntervalDays: days, remindedAt: reminded ? new Date(reminded) : null });
  it('is overdue once the interval has passed', () => {
    expect(isOverdue(item('2026-11-01T00:00:00Z', 30), now)).toBe(false);
    expect(isOverdue(item('2026-10-20T00:00:00Z', 30), now)).toBe(true);
    expect(daysOverdue(item('2026-10-20T00:00:00Z', 30), now)).toBe(6);
  });
  it('reminds once per overdue period', () => {
    expect(needsReminder(item('2026-10-20T00:00:00Z', 30), now)).toBe(true);
    expect(needsReminder(item('2026-10-20T00:00:00Z', 30, '2026-11-20T00:00:00Z'), now)).toBe(false);
    expect(needsReminder(item('2026-10-20T00:00:00Z', 30, '2026-11-01T00:00:00Z'), now)).toBe(true);
  });
});
