import { sql } from 'kysely';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { listCounters, listServices } from './repo/config-repo.js';
import { lastCalls, lastEventId } from './repo/event-repo.js';
import { getSettings } from './repo/settings-repo.js';
import { waitingCounts } from './repo/ticket-repo.js';
import type { Trx } from './repo/types.js';
import { todayStart } from './queue-service.js';

export interface CounterState { number: number; name: string; active: boolean; current: string | null; status: string | null }
export interface QueueState {
  serverTime: string;
  lastEventId: number;
  speech: boolean;
  chime: boolean;
  services: Array<{ code: string; prefix: string; name: string; waiting: number }>;
  counters: CounterState[];
  lastCalls: Array<{ id: number; number: string | null; counter: number | null; at: string }>;
  waiting: Record<string, number>;
}

/** Everything a display needs to draw itself from scratch (first load and after a reconnect). */
export async function queueState(trx: Trx, unitId: string, now: Date, lang: 'vi' | 'en'): Promise<QueueState> {
  const day = vnDateOf(now);
  const eventId = await lastEventId(trx, unitId);
  const settings = await getSettings(trx, unitId);
  const waiting = await waitingCounts(trx, unitId, day);
  const { rows: current } = await sql<{ counter_id: string; number: string; status: string }>`
    select distinct on (counter_id) counter_id, number, status from centre_tickets
    where unit_id = ${unitId} and day = ${day} and status in ('called', 'serving') and counter_id is not null
    order by counter_id, called_at desc`.execute(trx);
  const byCounter = new Map(current.map((c) => [c.counter_id, c]));
  const services = (await listServices(trx, unitId, true)).map((s) => ({
    code: s.code, prefix: s.prefix, name: lang === 'en' ? s.name_en : s.name_vi, waiting: waiting[s.prefix] ?? 0,
  }));
  const counters = (await listCounters(trx, unitId)).map((c) => ({
    number: c.number, name: c.name, active: c.active,
    current: byCounter.get(c.id)?.number ?? null, status: byCounter.get(c.id)?.status ?? null,
  }));
  const calls = (await lastCalls(trx, unitId, todayStart(now))).map((e) => ({ id: e.id, number: e.number, counter: e.counter, at: e.at }));
  return {
    serverTime: now.toISOString(), lastEventId: eventId, speech: settings.speech_enabled, chime: settings.chime_enabled,
    services, counters, lastCalls: calls, waiting,
  };
}
