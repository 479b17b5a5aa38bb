import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIONS, STATUSES, allowedActions, isOpen, nextStatus, open311Status } from './workflow.js';

describe('feedback workflow', () => {
  it('follows the happy path received → closed', () => {
    let s = nextStatus('received', 'classify');
    expect(s).toBe('classified');
    s = nextStatus(s!, 'assign');
    expect(s).toBe('assigned');
    s = nextStatus(s!, 'start');
    expect(s).toBe('in_progress');
    s = nextStatus(s!, 'answer');
    expect(s).toBe('answered');
    expect(nextStatus(s!, 'close')).toBe('closed');
  });

  it('lets the citizen reopen an answered or closed item only', () => {
    expect(nextStatus('answered', 'reopen')).toBe('in_progress');
    expect(nextStatus('closed', 'reopen')).toBe('in_progress');
    expect(nextStatus('received', 'reopen')).toBeNull();
    expect(nextStatus('rejected', 'reopen')).toBeNull();
  });

  it('refuses to answer an item nobody classified, and to close an unanswered one', () => {
    expect(nextStatus('received', 'answer')).toBeNull();
    expect(nextStatus('in_progress', 'close')).toBeNull();
  });

  it('treats rejected, duplicate and merged as terminal', () => {
    for (const s of ['rejected', 'duplicate', 'merged'] as const) expect(allowedActions(s)).toEqual([]);
  });

  it('maps to the two Open311 statuses', () => {
    expect(open311Status('in_progress')).toBe('open');
    expect(open311Status('answered')).toBe('closed');
  });

  it('never leaves the set of statuses and never moves an item back to received', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.array(fc.constantFrom(...ACTIONS), { maxLength: 30 }), (start, actions) => {
        let s = start;
        for (const a of actions) {
          const n = nextStatus(s, a);
          if (n === null) continue;
          expect(STATUSES).toContain(n);
          expect(n).not.toBe('received');
          s = n;
        }
        expect(allowedActions(s).every((a) => nextStatus(s, a) !== null)).toBe(true);
      }),
    );
  });

  it('counts only the first four statuses as open', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['received', 'classified', 'assigned', 'in_progress']);
  });
});
