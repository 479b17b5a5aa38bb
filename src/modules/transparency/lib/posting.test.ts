import { describe, expect, it } from 'vitest';
import { commentWindow, postingDaysLeft, postingEndsOn, postingStatus } from './posting.js';

describe('posting period', () => {
  it('ends 30 days after publication, the first day not counted', () => {
    expect(postingEndsOn('2026-11-01', 30)).toBe('2026-12-01');
    expect(postingEndsOn('2026-12-15', 30)).toBe('2027-01-14');
  });
  it('is scheduled, posting through the last day, then expired', () => {
    expect(postingStatus('2026-11-01', 30, '2026-10-31')).toBe('scheduled');
    expect(postingStatus('2026-11-01', 30, '2026-11-01')).toBe('posting');
    expect(postingStatus('2026-11-01', 30, '2026-12-01')).toBe('posting');
    expect(postingStatus('2026-11-01', 30, '2026-12-02')).toBe('expired');
  });
  it('counts days left including today', () => {
    expect(postingDaysLeft('2026-11-01', 30, '2026-12-01')).toBe(1);
    expect(postingDaysLeft('2026-11-01', 30, '2026-11-25')).toBe(7);
    expect(postingDaysLeft('2026-11-01', 30, '2026-12-02')).toBe(0);
  });
  it('opens and closes the comment window inclusively', () => {
    expect(commentWindow(null, null, '2026-11-25')).toBe('none');
    expect(commentWindow('2026-11-20', '2026-12-20', '2026-11-19')).toBe('not_open');
    expect(commentWindow('2026-11-20', '2026-12-20', '2026-12-20')).toBe('open');
    expect(commentWindow('2026-11-20', '2026-12-20', '2026-12-21')).toBe('closed');
  });
});
