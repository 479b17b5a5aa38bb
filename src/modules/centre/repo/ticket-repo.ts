import { sql } from 'kysely';
import type { PriorityGroup } from '../domain/aging.js';
import type { TicketRow, TicketStatus, Trx } from './types.js';
import { dateColumn } from '../../../lib/vn-calendar/index.js';

/**
 * Next number of a service today. The upsert takes a row lock, so two kiosks taking a ticket at
 * once are serialised and never share a number.
 *   insert into centre_daily_sequences … on conflict … do update set last_seq = last_seq + 1 returning last_seq
 */
export async function nextSequence(trx: Trx, unitId: string, serviceId: string, day: string): Promise<number> {
  const { rows } = await sql<{ last_seq: number }>`insert into centre_daily_sequences (unit_id, service_id, day, last_seq)
    values (${unitId}, ${serviceId}, ${day}, 1)
    on conflict (unit_id, service_id, day) do update set last_seq = centre_daily_sequences.last_seq + 1
    returning last_seq`.execute(trx);
  return rows[0].last_seq;
}

export interface NewTicket {
  unitId: string; serviceId: string; day: string; seq: number; number: string;
  priorityGroup: PriorityGroup | null; source: 'kiosk' | 'api' | 'booking' | 'staff';
  bookingId?: string | null; appointmentAt?: Date | null; now: Date;
}

export async function insertTicket(trx: Trx, t: NewTicket): Promise<TicketRow> {
  const { rows } = await sql<TicketRow>`insert into centre_tickets
      (unit_id, service_id, day, seq, number, priority_group, source, booking_id, appointment_at, created_at)
    values (${t.unitId}, ${t.serviceId}, ${t.day}, ${t.seq}, ${t.number}, ${t.priorityGroup}, ${t.source},
      ${t.bookingId ?? null}, ${t.appointmentAt ?? null}, ${t.now})
    returning *, day::text as day`.execute(trx);
  return rows[0];
}


export async function ticketById(trx: Trx, id: string): Promise<TicketRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await sql<TicketRow>`select *, day::text as day from centre_tickets where id = ${id}`.execute(trx);
  return rows[0];
}

/**
 * The calling order of docs/queue-aging.md in SQL: virtual arrival = least(appointment, arrival)
 * minus the head start for priority groups; then arrival, then id.
 */
export const orderKey = (headStartS: number) => sql`
  least(coalesce(appointment_at, created_at), created_at)
    - case when priority_group is null then interval '0' else make_interval(secs => ${headStartS}) end`;

/** Next waiting ticket for a counter (its services, or transferred to it), locked; skips locked rows. */
export async function lockNextForCounter(trx: Trx, unitId: string, counterId: string, day: string, headStartS: number): Promise<TicketRow | undefined> {
  const { rows } = await sql<TicketRow>`select *, day::text as day from centre_tickets
    where unit_id = ${unitId} and day = ${day} and status = 'waiting'
      and (transfer_to_counter_id = ${counterId} or (transfer_to_counter_id is null and service_id in
        (select service_id from centre_counter_services where counter_id = ${counterId})))
    order by ${orderKey(headStartS)}, created_at, id
    limit 1 for update skip locked`.execute(trx);
  return rows[0];
}

/** Waiting tickets of a day in calling order (for a service when given). */
export async function waitingInOrder(trx: Trx, unitId: string, day: string, headStartS: number, serviceId?: string): Promise<TicketRow[]> {
  const { rows } = await sql<TicketRow>`select *, day::text as day from centre_tickets
    where unit_id = ${unitId} and day = ${day} and status = 'waiting'
      and (${serviceId ?? null}::uuid is null or service_id = ${serviceId ?? null})
    order by ${orderKey(headStartS)}, created_at, id`.execute(trx);
  return rows;
}

/** The ticket a counter is busy with (called or serving), locked. */
export async function lockCurrentAtCounter(trx: Trx, counterId: string, day: string): Promise<TicketRow | undefined> {
  const { rows } = await sql<TicketRow>`select *, day::text as day from centre_tickets
    where counter_id = ${counterId} and day = ${day} and status in ('called', 'serving')
    order by called_at desc limit 1 for update`.execute(trx);
  return rows[0];
}

export interface TicketChange {
  status?: TicketStatus; counter_id?: string | null; transfer_to_counter_id?: string | null;
  officer_user_id?: string | null; dossier_code?: string | null; recalls?: number;
  called_at?: Date | null; started_at?: Date | null; finished_at?: Date | null;
}

export async function updateTicket(trx: Trx, id: string, change: TicketChange): Promise<TicketRow> {
  const row = (await trx.updateTable('centre_tickets').set(change as any).where('id', '=', id)
    .returningAll().executeTakeFirstOrThrow()) as TicketRow;
  return { ...row, day: dateColumn(row.day as unknown as Date | string) };
}

/** Recent service durations (seconds) of a service, newest first. */
export async function recentServiceSeconds(trx: Trx, unitId: string, serviceId: string, now: Date, limit = 30): Promise<number[]> {
  const { rows } = await sql<{ s: number }>`select extract(epoch from finished_at - coalesce(started_at, called_at))::float8 as s
    from centre_tickets where unit_id = ${unitId} and service_id = ${serviceId} and status = 'done'
      and finished_at > ${now}::timestamptz - interval '14 days'
    order by finished_at desc limit ${limit}`.execute(trx);
  return rows.map((r) => r.s);
}

/** Waiting counts per service of a day. */
export async function waitingCounts(trx: Trx, unitId: string, day: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ prefix: string; n: number }>`select s.prefix, count(t.id)::int as n
    from centre_services s left join centre_tickets t on t.service_id = s.id and t.day = ${day} and t.status = 'waiting'
    where s.unit_id = ${unitId} and s.active group by s.prefix, s.sort_order order by s.sort_order, s.prefix`.execute(trx);
  return Object.fromEntries(rows.map((r) => [r.prefix, r.n]));
}
