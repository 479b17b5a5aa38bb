import { describe, expect, test } from 'vitest';
import { deliver, flushBuffer, QueueHub, type HubSource, type StreamClient } from './realtime-hub.js';
import type { QueueEvent } from './repo/event-repo.js';

const ev = (id: number, unit = 'u'): QueueEvent => ({ id, unit, type: 'call', at: '', number: `A00${id}`, counter: 1, service: null, waiting: {} });

test('a resuming client gets replayed and live events once each, in order', () => {
  const sent: number[] = [];
  const c: StreamClient = { unitId: 'u', send: (e) => sent.push(e.id), buffer: [], lastSentId: 3 };
  deliver(c, ev(6));            // live while replaying: buffered
  deliver(c, ev(5));
  c.buffer!.length;             // replay sends 4 and 5 from the database
  const replay = [ev(4), ev(5)];
  const buffered = c.buffer!;
  c.buffer = null;
  replay.forEach((e) => deliver(c, e));
  c.buffer = buffered;
  flushBuffer(c);
  deliver(c, ev(6));            // duplicate notification: ignored
  deliver(c, ev(7));
  expect(sent).toEqual([4, 5, 6, 7]);
});

/** A hub over a fake store: `stored` are the events in centre_events; NOTIFYs are pushed by hand. */
function harness(stored: QueueEvent[]) {
  let listener: (e: QueueEvent) => void = () => {};
  const lookups: Array<{ unit: string; after: number; before?: number }> = [];
  let failNext = false;
  const source: HubSource = {
    subscribe: async (l) => { listener = l; },
    since: async (unit, after, before) => {
      lookups.push({ unit, after, before });
      await new Promise((r) => setTimeout(r, 5));
      if (failNext) { failNext = false; throw new Error('database down'); }
      return stored.filter((e) => e.unit === unit && e.id > after && (before === undefined || e.id < before)).sort((a, b) => a.id - b.id);
    },
    latest: async (units) => {
      const m = new Map<string, number>();
      for (const e of stored) if (units.includes(e.unit)) m.set(e.unit, Math.max(m.get(e.unit) ?? 0, e.id));
      return m;
    },
  };
  const hub = new QueueHub(null, source, { pollMs: 0, log: { warn: () => {} } });
  const received = new Map<string, number[]>();
  const client = (unit: string) => {
    const list: number[] = [];
    received.set(unit, list);
    hub.add({ unitId: unit, buffer: null, lastSentId: 0, send: (e) => list.push(e.id) });
    return list;
  };
  return {
    hub, lookups, client, received, start: () => hub.start(),
    notify: (e: QueueEvent) => { stored.push(e); listener(e); },
    /** An event stored and committed whose NOTIFY never arrived (LISTEN connection down). */
    lose: (e: QueueEvent) => { stored.push(e); },
    failNextLookup: () => { failNext = true; },
  };
}

describe('queue hub gap recovery', () => {
  test('contiguous ids, across units, are delivered at once without any look-up', async () => {
    const h = harness([]);
    await h.start();
    const u = h.client('u');
    const v = h.client('v');
    h.notify(ev(1, 'u'));
    h.notify(ev(2, 'v'));
    h.notify(ev(3, 'u'));
    expect(u).toEqual([1, 3]); // synchronously: no waiting on the database in the normal case
    expect(v).toEqual([2]);
    await h.hub.idle();
    expect(h.lookups).toEqual([]);
  });

  test('an id jump fills the missing events of the unit from the store, in order, before later ones', async () => {
    const h = harness([]);
    await h.start();
    const u = h.client('u');
    h.notify(ev(1));
    h.lose(ev(2));
    h.lose(ev(3, 'v'));   // another unit's lost event: not this unit's business
    h.lose(ev(4));
    h.notify(ev(5));      // jump from 1 to 5 with 2..4 never heard
    h.notify(ev(6));      // arrives while the look-up runs: waits its turn
    expect(u).toEqual([1]);
    await h.hub.idle();
    expect(u).toEqual([1, 2, 4, 5, 6]);
    expect(h.lookups).toEqual([{ unit: 'u', after: 1, before: 5 }]);
    h.notify(ev(4));      // a late duplicate is ignored
    expect(u).toEqual([1, 2, 4, 5, 6]);
  });

  test('a rolled-back id (a hole with nothing stored) costs one look-up and loses nothing', async () => {
    const h = harness([]);
    await h.start();
    const u = h.client('u');
    h.notify(ev(10));
    h.notify(ev(12));
    await h.hub.idle();
    expect(u).toEqual([10, 12]);
    expect(h.lookups).toHaveLength(1);
  });

  test('after a lost LISTEN connection the poll delivers what was stored meanwhile', async () => {
    const h = harness([]);
    await h.start();
    const u = h.client('u');
    h.notify(ev(1));
    h.lose(ev(2));
    h.lose(ev(3));        // no later NOTIFY reveals the gap
    await h.hub.poll();
    await h.hub.idle();
    expect(u).toEqual([1, 2, 3]);
    h.notify(ev(3));      // the notification arrives after all: delivered once
    h.notify(ev(4));
    expect(u).toEqual([1, 2, 3, 4]);
    await h.hub.poll();   // nothing new: no look-up
    await h.hub.idle();
    expect(h.lookups).toHaveLength(1);
  });

  test("a client's catch-up point starts gap detection before the hub delivered anything", async () => {
    const h = harness([ev(1), ev(2)]);
    await h.start();
    const u = h.client('u');
    h.hub.observe('u', 2);
    h.lose(ev(3));
    h.notify(ev(4));
    await h.hub.idle();
    expect(u).toEqual([3, 4]);
    // A stored id read by a later client never suppresses an in-flight notification for others.
    const h2 = harness([]);
    await h2.start();
    const w = h2.client('u');
    h2.hub.observe('u', 7);
    h2.notify(ev(7));
    expect(w).toEqual([7]);
  });

  test('when the store cannot be read, the live event is still delivered', async () => {
    const h = harness([]);
    await h.start();
    const u = h.client('u');
    h.notify(ev(1));
    h.lose(ev(2));
    h.failNextLookup();
    h.notify(ev(3));
    await h.hub.idle();
    expect(u).toEqual([1, 3]);
    await h.hub.poll();   // nothing newer than 3 is stored: the lost 2 stays lost (below the last id)
    await h.hub.idle();
    expect(u).toEqual([1, 3]);
  });
});
