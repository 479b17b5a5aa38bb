import { expect, test } from 'vitest';
import { deliver, flushBuffer, type StreamClient } from './realtime-hub.js';
import type { QueueEvent } from './repo/event-repo.js';

const ev = (id: number): QueueEvent => ({ id, unit: 'u', type: 'call', at: '', number: `A00${id}`, counter: 1, service: null, waiting: {} });

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
