import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { withUnit, withUnits } from '../../core/tenancy.js';
import { vnDayStart, vnToday } from '../../lib/vn-calendar/index.js';
import { eventsSince, QUEUE_CHANNEL, type QueueEvent } from './repo/event-repo.js';

/** A connected display (or any SSE client) of one unit. */
export interface StreamClient {
  unitId: string;
  send(e: QueueEvent): void;
  /** While replaying missed events, live ones are buffered here instead of sent. */
  buffer: QueueEvent[] | null;
  lastSentId: number;
}

/** Where the hub gets events: the LISTEN subscription and, to fill gaps, the stored events. */
export interface HubSource {
  subscribe(listener: (e: QueueEvent) => void): Promise<unknown>;
  /** Stored events of a unit with `afterId < id` (and `id < beforeId` when given), oldest first. */
  since(unitId: string, afterId: number, beforeId?: number): Promise<QueueEvent[]>;
  /** The latest stored event id of each unit that has events. */
  latest(unitIds: string[]): Promise<Map<string, number>>;
}

export interface HubOptions {
  /** How often the stored events are compared with what was delivered (a lost LISTEN connection). */
  pollMs?: number;
  log?: { warn(o: unknown, m?: string): void };
}

const SEEN_MAX = 20_000;
const GAP_SCAN_MAX = 5_000;

/** The source of a running app: the core's shared LISTEN connection and centre_events under RLS. */
export function appSource(app: FastifyInstance): HubSource {
  return {
    subscribe: (listener) => app.realtime.subscribe(QUEUE_CHANNEL, listener),
    since: async (unitId, afterId, beforeId) => {
      const today = vnDayStart(vnToday());
      const rows = await withUnit(app.db, unitId, (trx) => eventsSince(trx, unitId, afterId, today, 500));
      return beforeId === undefined ? rows : rows.filter((e) => e.id < beforeId);
    },
    latest: async (unitIds) => {
      if (!unitIds.length) return new Map();
      const { rows } = await withUnits(app.db, unitIds, (trx) => sql<{ unit_id: string; id: string }>`
        select unit_id, max(id) as id from centre_events where unit_id = any(${unitIds}::uuid[]) group by unit_id`.execute(trx));
      return new Map(rows.map((r) => [r.unit_id, Number(r.id)]));
    },
  };
}

/**
 * Fans NOTIFY payloads of the queue channel out to this instance's SSE clients. One LISTEN
 * subscription per instance (the core's shared connection); every instance gets every event.
 *
 * NOTIFY is not durable: while the LISTEN connection is down (it reconnects by itself) events are
 * lost. The hub therefore remembers, per unit, the last event it delivered and fills any gap from
 * the stored events (`centre_events`, the same ids) before delivering further:
 * - an **id jump**: ids come from one sequence shared by all units, so an event of unit U whose
 *   id is more than one above U's last id, with ids in between never heard on the channel, means
 *   events were missed (or rolled back: the look-up then finds nothing);
 * - a **poll** every few seconds (only while clients are connected) compares each unit's newest
 *   stored id with the last delivered one: it catches what was lost while LISTEN reconnected
 *   when no later event comes to reveal the jump.
 * Events of one unit are delivered in id order; a unit waiting for a gap look-up queues its later
 * events behind it. Clients drop duplicates by id.
 */
export class QueueHub {
  private clients = new Map<string, Set<StreamClient>>();
  /** Per unit: the last event id delivered by this hub. */
  private lastId = new Map<string, number>();
  /** Per unit: an id known to be stored (read by a client's catch-up), where gap checks start before any delivery. */
  private floor = new Map<string, number>();
  private seen = new Set<number>();
  private pending = new Map<string, Promise<void>>();
  private ready: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private source: HubSource;
  private pollMs: number;
  private log: HubOptions['log'];

  constructor(app: FastifyInstance | null, source?: HubSource, opts: HubOptions = {}) {
    if (!source && !app) throw new Error('QueueHub needs an app or a source');
    this.source = source ?? appSource(app!);
    this.pollMs = opts.pollMs ?? 3000;
    this.log = opts.log ?? app?.log;
  }

  start(): Promise<unknown> {
    this.ready ??= this.source.subscribe((e: QueueEvent) => this.receive(e));
    if (!this.timer && this.pollMs > 0) {
      this.timer = setInterval(() => { void this.poll(); }, this.pollMs);
      this.timer.unref();
    }
    return this.ready;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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

  /**
   * A stored id read from the database (a client's catch-up): where gap checks start while the
   * hub has delivered nothing yet for the unit. It never suppresses a delivery (its NOTIFY may
   * still be on the way for clients that connected earlier). Never pass a client-supplied id.
   */
  observe(unitId: string, id: number): void {
    if (id > (this.floor.get(unitId) ?? -1)) this.floor.set(unitId, id);
  }

  private base(unit: string): number | undefined {
    return this.lastId.get(unit) ?? this.floor.get(unit);
  }

  /** The last event id delivered for a unit (undefined before the first). */
  lastDelivered(unitId: string): number | undefined {
    return this.lastId.get(unitId);
  }

  /** A NOTIFY payload. Delivered at once unless the unit has a gap to fill first. */
  receive(e: QueueEvent): void {
    this.remember(e.id);
    const tail = this.pending.get(e.unit);
    if (tail) { this.chain(e.unit, tail.then(() => this.process(e))); return; }
    const r = this.process(e);
    if (r) this.chain(e.unit, r);
  }

  /** Compares the stored events of units with clients with what was delivered; fills the gaps. */
  async poll(): Promise<void> {
    const units = [...this.clients.entries()].filter(([, s]) => s.size > 0).map(([u]) => u);
    if (!units.length) return;
    let latest: Map<string, number>;
    try {
      latest = await this.source.latest(units);
    } catch (err) {
      this.log?.warn({ err }, 'centre: could not read the latest queue events');
      return;
    }
    for (const [unit, id] of latest) {
      const base = this.base(unit);
      if (base === undefined || id <= base) continue;
      const tail = this.pending.get(unit) ?? Promise.resolve();
      this.chain(unit, tail.then(() => this.fill(unit, this.base(unit) ?? base, undefined)));
    }
  }

  /** Resolves once every queued delivery of every unit is done (tests). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending.values()]);
  }

  private chain(unit: string, p: Promise<void>): void {
    const tail = p.catch(() => undefined).finally(() => { if (this.pending.get(unit) === tail) this.pending.delete(unit); });
    this.pending.set(unit, tail);
  }

  /** Delivers `e`, after the unit's missing events when ids were skipped; sync when nothing is missing. */
  private process(e: QueueEvent): Promise<void> | undefined {
    const last = this.lastId.get(e.unit);
    if (last !== undefined && e.id <= last) return undefined;
    const base = this.base(e.unit);
    if (base === undefined || e.id <= base + 1 || !this.gapBetween(base, e.id)) { this.dispatch(e); return undefined; }
    return this.fill(e.unit, base, e.id).then(() => this.dispatch(e));
  }

  /** Delivers the stored events of a unit with afterId < id (< beforeId), oldest first. */
  private async fill(unit: string, afterId: number, beforeId: number | undefined): Promise<void> {
    try {
      for (const m of await this.source.since(unit, afterId, beforeId)) {
        this.remember(m.id);
        this.dispatch(m);
      }
    } catch (err) {
      this.log?.warn({ err, unit }, 'centre: could not fill a gap in queue events');
    }
  }

  /** True when some id between `last` and `id` (exclusive) was never heard on the channel. */
  private gapBetween(last: number, id: number): boolean {
    if (id - last > GAP_SCAN_MAX) return true;
    for (let k = last + 1; k < id; k++) if (!this.seen.has(k)) return true;
    return false;
  }

  private remember(id: number): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_MAX) {
      let drop = this.seen.size - SEEN_MAX / 2;
      for (const k of this.seen) { if (drop-- <= 0) break; this.seen.delete(k); }
    }
  }

  private dispatch(e: QueueEvent): void {
    if (e.id <= (this.lastId.get(e.unit) ?? -1)) return;
    this.lastId.set(e.unit, e.id);
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
