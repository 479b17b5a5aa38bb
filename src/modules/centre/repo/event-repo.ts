import { sql } from 'kysely';
import { notify } from '../../../core/realtime.js';
import type { Trx } from './types.js';

/** The LISTEN/NOTIFY channel every instance listens on; payloads name their unit. */
export const QUEUE_CHANNEL = 'centre_queue';

export type QueueEventType = 'call' | 'ticket' | 'update';
export interface QueueEvent {
  id: number;
  unit: string;
  type: QueueEventType;
  /** Server time of the change, ISO 8601. */
  at: string;
  number: string | null;
  counter: number | null;
  service: string | null;
  recall?: boolean;
  waiting: Record<string, number>;
}

/**
 * Stores a queue event and notifies every instance on commit, in the caller's transaction.
 * A per-unit advisory lock makes event ids of one unit commit in increasing order, so that a
 * display resuming after `Last-Event-ID: n` misses nothing with an id above n.
 */
export async function emitQueueEvent(trx: Trx, unitId: string, e: Omit<QueueEvent, 'id' | 'unit' | 'at'>, now: Date): Promise<QueueEvent> {
  await sql`select pg_advisory_xact_lock(hashtext('centre_events'), hashtext(${unitId}))`.execute(trx);
  const { rows } = await sql<{ id: string }>`insert into centre_events (unit_id, type, payload, created_at)
    values (${unitId}, ${e.type}, ${JSON.stringify(e)}::jsonb, ${now}) returning id`.execute(trx);
  const event: QueueEvent = { ...e, id: Number(rows[0].id), unit: unitId, at: now.toISOString() };
  await notify(trx, QUEUE_CHANNEL, event);
  return event;
}

/** Events after `afterId` (today's and at most `limit`), oldest first, for a resuming display. */
export async function eventsSince(trx: Trx, unitId: string, afterId: number, since: Date, limit = 200): Promise<QueueEvent[]> {
  const { rows } = await sql<{ id: string; payload: Omit<QueueEvent, 'id' | 'unit' | 'at'>; created_at: Date }>`
    select id, payload, created_at from centre_events
    where unit_id = ${unitId} and id > ${afterId} and created_at >= ${since}
    order by id limit ${limit}`.execute(trx);
  return rows.map((r) => ({ ...r.payload, id: Number(r.id), unit: unitId, at: r.created_at.toISOString() }));
}

/** The latest event id of a unit (0 when none). */
export async function lastEventId(trx: Trx, unitId: string): Promise<number> {
  const { rows } = await sql<{ id: string | null }>`select max(id) as id from centre_events where unit_id = ${unitId}`.execute(trx);
  return Number(rows[0].id ?? 0);
}

/** The last `n` calls of a day (newest first) for the display's history. */
export async function lastCalls(trx: Trx, unitId: string, since: Date, n = 8): Promise<QueueEvent[]> {
  const { rows } = await sql<{ id: string; payload: Omit<QueueEvent, 'id' | 'unit' | 'at'>; created_at: Date }>`
    select id, payload, created_at from centre_events
    where unit_id = ${unitId} and type = 'call' and created_at >= ${since}
    order by id desc limit ${n}`.execute(trx);
  return rows.map((r) => ({ ...r.payload, id: Number(r.id), unit: unitId, at: r.created_at.toISOString() }));
}
