import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  PRIORITY_GROUPS, type QueuedTicket, compareQueued, effectivePriority, orderQueue, pickNext,
} from './aging.js';

const ticketArb = fc.record({
  id: fc.uuid(),
  arrivedAtMs: fc.integer({ min: 0, max: 4 * 3600_000 }),
  priorityGroup: fc.option(fc.constantFrom(...PRIORITY_GROUPS), { nil: null }),
});
const queueArb = fc.array(ticketArb, { minLength: 0, maxLength: 40 });
const headStartArb = fc.integer({ min: 0, max: 3600 });

describe('aging rule', () => {
  test('a priority ticket arriving with a normal one is called first', () => {
    const normal: QueuedTicket = { id: 'a', arrivedAtMs: 1000, priorityGroup: null };
    const elderly: QueuedTicket = { id: 'b', arrivedAtMs: 1000, priorityGroup: 'elderly' };
    expect(pickNext([normal, elderly], 900)?.id).toBe('b');
  });

  test('a normal ticket waiting longer than the head start goes before a new priority ticket', () => {
    const normal: QueuedTicket = { id: 'a', arrivedAtMs: 0, priorityGroup: null };
    const late: QueuedTicket = { id: 'b', arrivedAtMs: 15 * 60_000 + 1, priorityGroup: 'pregnant' };
    const inTime: QueuedTicket = { id: 'c', arrivedAtMs: 15 * 60_000 - 1, priorityGroup: 'pregnant' };
    expect(pickNext([normal, late], 15 * 60)?.id).toBe('a');
    expect(pickNext([normal, inTime], 15 * 60)?.id).toBe('c');
  });

  test('pickNext is the head of the ordered queue', () => {
    fc.assert(fc.property(queueArb, headStartArb, (q, h) => {
      expect(pickNext(q, h)).toBe(q.length ? orderQueue(q, h)[0] : null);
    }));
  });

  test('without a head start the queue is first come, first served', () => {
    fc.assert(fc.property(queueArb, (q) => {
      const arrivals = orderQueue(q, 0).map((t) => t.arrivedAtMs);
      expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    }));
  });

  test('tickets of the same class keep their arrival order', () => {
    fc.assert(fc.property(queueArb, headStartArb, (q, h) => {
      const order = orderQueue(q, h);
      for (const cls of [true, false]) {
        const times = order.filter((t) => (t.priorityGroup !== null) === cls).map((t) => t.arrivedAtMs);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    }));
  });

  test('no normal ticket is overtaken by a priority ticket that arrived more than the head start later', () => {
    fc.assert(fc.property(queueArb, headStartArb, (q, h) => {
      const order = orderQueue(q, h);
      order.forEach((normal, i) => {
        if (normal.priorityGroup) return;
        for (const earlier of order.slice(0, i)) {
          if (earlier.priorityGroup) expect(earlier.arrivedAtMs - normal.arrivedAtMs).toBeLessThanOrEqual(h * 1000);
        }
      });
    }));
  });

  test('the order is the order of effective priority at any moment, and it never changes while waiting', () => {
    fc.assert(fc.property(queueArb, headStartArb, fc.integer({ min: 0, max: 8 * 3600_000 }), (q, h, now) => {
      const order = orderQueue(q, h);
      for (let i = 1; i < order.length; i++) {
        expect(effectivePriority(order[i - 1], now, h)).toBeGreaterThanOrEqual(effectivePriority(order[i], now, h));
        expect(compareQueued(order[i - 1], order[i], h)).toBeLessThanOrEqual(0);
      }
    }));
  });

  test('simulated day: a normal ticket waits at most head start + its own FIFO wait behind priority tickets', () => {
    // Serve one ticket a minute while tickets arrive; compare each normal ticket's call time with
    // the call time it would have under plain FIFO among tickets that arrived before it + h.
    fc.assert(fc.property(queueArb, fc.integer({ min: 60, max: 1800 }), (q, h) => {
      const called = orderQueue(q, h);
      called.forEach((t, i) => {
        if (t.priorityGroup) return;
        const ahead = called.slice(0, i);
        const allowed = q.filter((o) => o !== t && (o.arrivedAtMs < t.arrivedAtMs ||
          (o.priorityGroup !== null && o.arrivedAtMs <= t.arrivedAtMs + h * 1000) ||
          (o.arrivedAtMs === t.arrivedAtMs)));
        expect(ahead.length).toBeLessThanOrEqual(allowed.length);
      });
    }));
  });

  test('a booked ticket queues from its slot when it arrives late', () => {
    const walkIn: QueuedTicket = { id: 'w', arrivedAtMs: 5 * 60_000, priorityGroup: null };
    const booked: QueuedTicket = { id: 'b', arrivedAtMs: 10 * 60_000, priorityGroup: null, appointmentAtMs: 0 };
    expect(pickNext([walkIn, booked], 0)?.id).toBe('b');
  });
});
