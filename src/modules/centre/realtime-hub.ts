import type { FastifyInstance } from 'fastify';
import { QUEUE_CHANNEL, type QueueEvent } from './repo/event-repo.js';

/** A connected display (or any SSE client) of one unit. */
export interface StreamClient {
  unitId: string;
  send(e: QueueEvent): void;
  /** While replaying missed events, live ones are buffered here instead of sent. */
  buffer: QueueEvent[] | null;
  lastSentId: number;
}

/**
 * Fans NOTIFY payloads of the queue channel out to this instance's SSE clients. One LISTEN
 * subscription per instance (the core's shared connection); every instance gets every event.
 */
export class QueueHub {
  private clients = new Map<string, Set<StreamClient>>();
  private ready: Promise<unknown> | null = null;

  constructor(private app: FastifyInstance) {}

  start(): Promise<unknown> {
    this.ready ??= this.app.realtime.subscribe(QUEUE_CHANNEL, (e: QueueEvent) => this.dispatch(e));
    return this.ready;
  }

  add(c: StreamClient): () => void {
    let set = this.clients.get(c.unitId);
    if (!set) this.clients.set(c.unitId, (set = new Set()));
    set.add(c);
    return () => { set!.delete(c); };
  }

  count(): number {
    let n = 0;
    for (const s of this.clients.values()) n += s.size;
    return n;
  }

  private dispatch(e: QueueEvent): void {
    for (const c of this.clients.get(e.unit) ?? []) deliver(c, e);
  }
}

/** Sends an event once and in id order, or buffers it while the client is replaying. */
export function deliver(c: StreamClient, e: QueueEvent): void {
  if (c.buffer) { c.buffer.push(e); return; }
  if (e.id <= c.lastSentId) return;
  c.lastSentId = e.id;
  c.send(e);
}

/** Ends a replay: sends buffered live events that the replay did not already cover. */
export function flushBuffer(c: StreamClient): void {
  const pending = (c.buffer ?? []).sort((a, b) => a.id - b.id);
  c.buffer = null;
  for (const e of pending) deliver(c, e);
}
