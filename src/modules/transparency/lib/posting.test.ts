import { describe, expect, it } from 'vitest';
import { commentWindow, minPostingDays, MIN_POSTING_DAYS, postingDaysLeft, postingEndsOn, postingStatus } from './posting.js';
import { CATEGORIES } from './categories.js';

describe('posting period', () => {
  it('has a legal minimum for every category: 30 days, budgets 90', () => {
    expect(Object.keys(MIN_POSTING_DAYS).sort()).toEqual([...CATEGORIES].sort());
    for (const c of CATEGORIES) expect(minPostingDays(c)).toBeGreaterThanOrEqual(30);
    expect(minPostingDays('budget')).toBe(90);
    expect(minPostingDays('land_recovery')).toBe(30);
  });
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
