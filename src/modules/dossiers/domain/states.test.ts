import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES, allowedActions, isClosed, nextStatus, type DossierStatus } from './states.js';

describe('dossier state machine', () => {
  test('the happy path goes from received to returned', () => {
    let s: DossierStatus = 'received';
    for (const a of ['start_processing', 'approve', 'mark_result_ready', 'return'] as const) s = nextStatus(s, a)!;
    expect(s).toBe('returned');
  });
  test('supplement requests go back and forth before processing', () => {
    expect(nextStatus('received', 'request_supplement')).toBe('supplement_requested');
    expect(nextStatus('supplement_requested', 'supplement')).toBe('supplemented');
    expect(nextStatus('supplemented', 'request_supplement')).toBe('supplement_requested');
    expect(nextStatus('supplemented', 'start_processing')).toBe('processing');
    expect(nextStatus('processing', 'request_supplement')).toBe('supplement_requested');
  });
  test('forbidden moves are refused', () => {
    expect(nextStatus('received', 'return')).toBeNull();
    expect(nextStatus('supplement_requested', 'start_processing')).toBeNull();
    expect(nextStatus('approved', 'withdraw')).toBeNull();
    expect(nextStatus('returned', 'withdraw')).toBeNull();
    expect(allowedActions('returned')).toEqual([]);
    expect(allowedActions('received')).toEqual(['request_supplement', 'start_processing', 'refuse', 'withdraw']);
  });
  test('closed states have no way out; every open state can be left', () => {
    fc.assert(fc.property(fc.constantFrom(...DOSSIER_STATUSES), fc.constantFrom(...DOSSIER_ACTIONS), (s, a) => {
      if (isClosed(s)) expect(nextStatus(s, a)).toBeNull();
      else expect(allowedActions(s).length).toBeGreaterThan(0);
    }));
  });
  test('every state is reachable from received', () => {
    const seen = new Set<DossierStatus>(['received']);
    const queue: DossierStatus[] = ['received'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of allowedActions(s)) {
        const t = nextStatus(s, a)!;
        if (!seen.has(t)) { seen.add(t); queue.push(t); }
      }
    }
    expect([...seen].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });
});
