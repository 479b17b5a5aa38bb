import { AppError } from '../../core/errors.js';
import type { PriorityGroup } from './domain/aging.js';
import { estimateWaitSeconds } from './domain/estimate.js';
import { vnDateOf, vnDayStart } from '../../lib/vn-calendar/index.js';
import { formatTicketNumber } from './domain/numbering.js';
import { signToken } from './domain/token.js';
import { counterByNumber, listCounters, serviceByCode } from './repo/config-repo.js';
import { emitQueueEvent, type QueueEvent } from './repo/event-repo.js';
import { getSettings } from './repo/settings-repo.js';
import {
  insertTicket, nextSequence, recentServiceSeconds, waitingCounts, waitingInOrder,
} from './repo/ticket-repo.js';
import type { CounterRow, ServiceRow, TicketRow, Trx } from './repo/types.js';

export interface TakeTicketInput {
  service: string;
  priorityGroup?: PriorityGroup | null;
  source?: 'kiosk' | 'api' | 'booking' | 'staff';
  bookingId?: string | null;
  appointmentAt?: Date | null;
}
export interface TakenTicket {
  ticket: TicketRow; service: ServiceRow; position: number; estimatedWaitS: number; token: string;
}

/** Issues the next number of a service, tells how many are ahead and how long the wait is. */
export async function takeTicket(trx: Trx, unitId: string, input: TakeTicketInput, now: Date): Promise<TakenTicket> {
  const service = await serviceByCode(trx, unitId, input.service);
  if (!service || !service.active) throw AppError.notFound('centre.error.service_not_at_desk');
  const day = vnDateOf(now);
  const seq = await nextSequence(trx, unitId, service.id, day);
  const ticket = await insertTicket(trx, {
    unitId, serviceId: service.id, day, seq, number: formatTicketNumber(service.prefix, seq),
    priorityGroup: input.priorityGroup ?? null, source: input.source ?? 'kiosk',
    bookingId: input.bookingId, appointmentAt: input.appointmentAt, now,
  });
  const { position, estimatedWaitS } = await queuePosition(trx, unitId, ticket, service, now);
  const settings = await getSettings(trx, unitId);
  await emitQueueEvent(trx, unitId, {
    type: 'ticket', number: ticket.number, counter: null, service: service.prefix, waiting: await waitingCounts(trx, unitId, day),
  }, now);
  return { ticket, service, position, estimatedWaitS, token: signToken(settings.token_secret, { kind: 't', id: ticket.id }) };
}

/** Position (1 = next) among the service's waiting tickets and the estimated wait. */
export async function queuePosition(trx: Trx, unitId: string, ticket: TicketRow, service: ServiceRow, now: Date) {
  if (ticket.status !== 'waiting') return { position: 0, estimatedWaitS: 0 };
  const settings = await getSettings(trx, unitId);
  const queue = await waitingInOrder(trx, unitId, ticket.day, settings.priority_head_start_s, service.id);
  const ahead = Math.max(0, queue.findIndex((t) => t.id === ticket.id));
  const counters = (await listCounters(trx, unitId)).filter((c) => c.active && c.service_ids.includes(service.id));
  const estimatedWaitS = estimateWaitSeconds({
    ahead, openCounters: counters.length,
    recentServiceSeconds: await recentServiceSeconds(trx, unitId, service.id, now),
    defaultServiceSeconds: service.default_service_s,
  });
  return { position: ahead + 1, estimatedWaitS };
}

export async function requireCounter(trx: Trx, unitId: string, counter: number | string): Promise<CounterRow> {
  const c = await counterByNumber(trx, unitId, Number(counter));
  if (!c) throw AppError.notFound('centre.error.counter_not_found');
  return c;
}

/** Emits the event of a counter change: 'call' for calls and recalls, 'update' otherwise. */
export async function emitCounterEvent(trx: Trx, unitId: string, type: 'call' | 'update', counter: CounterRow,
  ticket: TicketRow | null, now: Date, recall = false): Promise<QueueEvent> {
  return emitQueueEvent(trx, unitId, {
    type, number: ticket?.number ?? null, counter: counter.number, service: null,
    ...(recall ? { recall: true } : {}), waiting: await waitingCounts(trx, unitId, vnDateOf(now)),
  }, now);
}

export const todayStart = (now: Date) => vnDayStart(vnDateOf(now));
