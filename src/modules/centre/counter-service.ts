import { AppError } from '../../core/errors.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { getSettings } from './repo/settings-repo.js';
import { lockCurrentAtCounter, lockNextForCounter, updateTicket } from './repo/ticket-repo.js';
import type { CounterRow, TicketRow, Trx } from './repo/types.js';
import { emitCounterEvent, requireCounter } from './queue-service.js';

export interface CounterContext { trx: Trx; unitId: string; counter: number | string; officerUserId: string | null; now: Date }
export interface CounterResult { counter: CounterRow; ticket: TicketRow | null; previous?: TicketRow | null }

const busy = async (c: CounterContext) => {
  const counter = await requireCounter(c.trx, c.unitId, c.counter);
  return { counter, current: await lockCurrentAtCounter(c.trx, counter.id, vnDateOf(c.now)) };
};
const needCurrent = (t: TicketRow | undefined): TicketRow => {
  if (!t) throw AppError.conflict('centre.error.no_ticket_called');
  return t;
};

/**
 * Closes the counter's current ticket and calls the next one in aging order. A ticket being
 * served is finished ('done'); a ticket only called — the citizen never came up, or the officer
 * did not press "start" — is recorded as a no-show, never as served (docs/queue-counter.md).
 */
export async function callNext(c: CounterContext): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  if (!counter.active) throw AppError.conflict('centre.error.counter_paused');
  const previous = current
    ? await updateTicket(c.trx, current.id, { status: current.status === 'serving' ? 'done' : 'no_show', finished_at: c.now })
    : null;
  const settings = await getSettings(c.trx, c.unitId);
  const next = await lockNextForCounter(c.trx, c.unitId, counter.id, vnDateOf(c.now), settings.priority_head_start_s);
  if (!next) {
    if (previous) await emitCounterEvent(c.trx, c.unitId, 'update', counter, null, c.now);
    return { counter, ticket: null, previous };
  }
  const ticket = await updateTicket(c.trx, next.id, {
    status: 'called', counter_id: counter.id, transfer_to_counter_id: null,
    officer_user_id: c.officerUserId, called_at: next.called_at ?? c.now,
  });
  await emitCounterEvent(c.trx, c.unitId, 'call', counter, ticket, c.now);
  return { counter, ticket, previous };
}

/** Calls the current number again (the citizen did not come up yet). */
export async function recall(c: CounterContext): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  const t = needCurrent(current);
  const ticket = await updateTicket(c.trx, t.id, { recalls: t.recalls + 1 });
  await emitCounterEvent(c.trx, c.unitId, 'call', counter, ticket, c.now, true);
  return { counter, ticket };
}

export async function startService(c: CounterContext): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  const t = needCurrent(current);
  if (t.status === 'serving') return { counter, ticket: t };
  const ticket = await updateTicket(c.trx, t.id, { status: 'serving', started_at: c.now, officer_user_id: c.officerUserId ?? t.officer_user_id });
  await emitCounterEvent(c.trx, c.unitId, 'update', counter, ticket, c.now);
  return { counter, ticket };
}

export async function finishService(c: CounterContext, dossierCode?: string | null): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  const t = needCurrent(current);
  const ticket = await updateTicket(c.trx, t.id, {
    status: 'done', finished_at: c.now, ...(dossierCode ? { dossier_code: dossierCode } : {}),
  });
  await emitCounterEvent(c.trx, c.unitId, 'update', counter, null, c.now);
  return { counter, ticket };
}

export async function markNoShow(c: CounterContext): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  const t = needCurrent(current);
  if (t.status !== 'called') throw AppError.conflict('centre.error.serving_not_absent');
  const ticket = await updateTicket(c.trx, t.id, { status: 'no_show', finished_at: c.now });
  await emitCounterEvent(c.trx, c.unitId, 'update', counter, null, c.now);
  return { counter, ticket };
}

/** Sends the current ticket to another counter, where it is called before that counter's own queue. */
export async function transfer(c: CounterContext, toCounter: number | string): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  const t = needCurrent(current);
  const target = await requireCounter(c.trx, c.unitId, toCounter);
  if (target.id === counter.id) throw AppError.unprocessable('centre.error.choose_other_counter', { field: 'to' });
  if (!target.active) throw AppError.conflict('centre.error.target_counter_paused', { field: 'to' }).with({ number: target.number });
  const ticket = await updateTicket(c.trx, t.id, {
    status: 'waiting', counter_id: null, transfer_to_counter_id: target.id, started_at: null,
  });
  await emitCounterEvent(c.trx, c.unitId, 'update', counter, null, c.now);
  return { counter, ticket };
}

/** Stores the dossier code received for the current ticket (the dossier itself lives elsewhere). */
export async function linkDossier(c: CounterContext, dossierCode: string): Promise<CounterResult> {
  const { counter, current } = await busy(c);
  const t = needCurrent(current);
  return { counter, ticket: await updateTicket(c.trx, t.id, { dossier_code: dossierCode }) };
}
