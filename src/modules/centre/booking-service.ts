import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { DayCalendar } from './calendar-link.js';
import { DEFAULT_SLOTS, daySlots, slotProblem, slotStart } from './domain/booking-slots.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { signToken, verifyToken } from './domain/token.js';
import { serviceByCode } from './repo/config-repo.js';
import { getSettings } from './repo/settings-repo.js';
import type { Trx } from './repo/types.js';
import { takeTicket, type TakenTicket } from './queue-service.js';

export interface BookingInput { service: string; day: string; slot: string; fullName: string; phone?: string | null; email?: string | null }
export interface Booking {
  id: string; code: string; day: string; slot: string; service_id: string; full_name: string; status: string; phone: string | null; email: string | null;
}
export interface StaffBooking extends Booking { service_code: string; cancelled_at: Date | null }
const COLUMNS = sql`id, code, day::text as day, slot, service_id, full_name, status, phone, email`;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newBookingCode = () => Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Message keys of the problems of a chosen day and slot. */
const PROBLEMS: Record<string, string> = {
  bad_day: 'centre.error.booking_bad_day',
  bad_slot: 'centre.error.booking_bad_slot',
  past: 'centre.error.booking_past',
  too_far: 'centre.error.booking_too_far',
  closed: 'centre.error.booking_closed',
};

/** Remaining places per slot of a day for a service. */
export async function slotAvailability(trx: Trx, unitId: string, serviceId: string, capacity: number, day: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ slot: string; n: number }>`select slot, count(*)::int as n from centre_bookings
    where unit_id = ${unitId} and service_id = ${serviceId} and day = ${day} and status <> 'cancelled' group by slot`.execute(trx);
  const used = Object.fromEntries(rows.map((r) => [r.slot, r.n]));
  return Object.fromEntries(daySlots().map((s) => [s, Math.max(0, capacity - (used[s] ?? 0))]));
}

/**
 * Books a slot. The service row is locked first, so concurrent bookings of the same service are
 * counted one after another and capacity is never exceeded (409 when full).
 */
export async function bookSlot(trx: Trx, unitId: string, input: BookingInput, now: Date, calendar?: DayCalendar): Promise<Booking> {
  const service = await serviceByCode(trx, unitId, input.service);
  if (!service || !service.active) throw AppError.notFound('centre.error.service_not_found');
  const problem = slotProblem(input.day, input.slot, now, DEFAULT_SLOTS, calendar ? (d) => calendar.isWorkingDay(d) : undefined);
  if (problem === 'closed') throw closedError(input.day, calendar);
  if (problem) throw AppError.unprocessable(PROBLEMS[problem], { field: problem === 'bad_slot' ? 'slot' : 'day' });
  const name = input.fullName.trim();
  if (name.length < 2 || name.length > 100) throw AppError.unprocessable('centre.error.name_required', { field: 'fullName' });
  const phone = (input.phone ?? '').replace(/[\s.]/g, '');
  if (phone && !/^0\d{9}$/.test(phone)) throw AppError.unprocessable('centre.error.phone_format', { field: 'phone' });
  const email = (input.email ?? '').trim();
  if (email && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
    throw AppError.unprocessable('centre.error.email_format', { field: 'email' });
  }
  await sql`select id from centre_services where id = ${service.id} for update`.execute(trx);
  await assertNotBookedTwice(trx, unitId, { serviceId: service.id, day: input.day, slot: input.slot, name, phone });
  const left = (await slotAvailability(trx, unitId, service.id, service.booking_capacity, input.day))[input.slot];
  if (!left) throw AppError.conflict('centre.error.slot_full');
  const { rows } = await sql<Booking>`insert into centre_bookings (unit_id, service_id, day, slot, code, full_name, phone, email)
    values (${unitId}, ${service.id}, ${input.day}, ${input.slot}, ${newBookingCode()}, ${name}, ${phone || null}, ${email || null})
    returning ${COLUMNS}`.execute(trx);
  return rows[0];
}

/**
 * One person, one booking per time slot: the same phone number in the same slot (any service), or,
 * without a phone, the same name in the same service and slot. Bookings of a slot are checked one
 * after another (a transaction lock on unit, day and slot), so two quick submissions cannot both pass.
 */
async function assertNotBookedTwice(trx: Trx, unitId: string, b: { serviceId: string; day: string; slot: string; name: string; phone: string }) {
  await sql`select pg_advisory_xact_lock(hashtext(${`centre-booking:${unitId}:${b.day}:${b.slot}`}))`.execute(trx);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from centre_bookings
    where unit_id = ${unitId} and day = ${b.day} and slot = ${b.slot} and status <> 'cancelled'
      and (${b.phone ? sql`phone = ${b.phone}` : sql`phone is null and service_id = ${b.serviceId}
        and lower(regexp_replace(full_name, '\s+', ' ', 'g')) = lower(regexp_replace(${b.name}, '\s+', ' ', 'g'))`})`.execute(trx);
  if (rows[0]!.n > 0) {
    throw AppError.conflict('centre.error.booked_twice', { field: 'slot' }).with({ slot: b.slot, day: dmy(b.day) });
  }
}

const dmy = (day: string) => day.split('-').reverse().join('/');

/** "Not open on 02/09/2026 (Quốc khánh)": the reason comes from the unit's calendar. */
/** "The Centre does not work on dd/mm/yyyy (reason)": 422 on the day field. */
export function closedError(day: string, calendar?: DayCalendar): AppError {
  const reason = calendar?.offReason(day);
  return AppError.unprocessable('centre.error.booking_closed_day', { field: 'day' })
    .with({ day: dmy(day), reason: reason ? { vi: ` (${reason.vi})`, en: ` (${reason.en})` } : '' });
}

export async function bookingByCode(trx: Trx, unitId: string, code: string): Promise<Booking | undefined> {
  const { rows } = await sql<Booking>`select ${COLUMNS}
    from centre_bookings where unit_id = ${unitId} and code = ${code.trim().toUpperCase()}`.execute(trx);
  return rows[0];
}

/** The secret link token a citizen cancels a booking with (shown once, after booking). */
export async function bookingToken(trx: Trx, unitId: string, bookingId: string): Promise<string> {
  return signToken((await getSettings(trx, unitId)).token_secret, { kind: 'b', id: bookingId });
}

export async function bookingByToken(trx: Trx, unitId: string, token: string): Promise<Booking> {
  const p = verifyToken((await getSettings(trx, unitId)).token_secret, token);
  const { rows } = p?.kind === 'b'
    ? await sql<Booking>`select ${COLUMNS} from centre_bookings where unit_id = ${unitId} and id = ${p.id}`.execute(trx)
    : { rows: [] as Booking[] };
  if (!rows[0]) throw AppError.notFound('centre.error.booking_cancel_link');
  return rows[0];
}

/**
 * Cancels a booking that is still 'booked' and frees its place. The citizen (by = null) may cancel
 * only before the slot starts; staff may cancel any booking not yet checked in.
 */
export async function cancelBooking(trx: Trx, unitId: string, bookingId: string, by: { staffUserId: string | null }, now: Date): Promise<Booking> {
  const { rows: found } = await sql<Booking>`select ${COLUMNS} from centre_bookings where unit_id = ${unitId} and id = ${bookingId} for update`.execute(trx);
  const b = found[0];
  if (!b) throw AppError.notFound('centre.error.booking_not_found');
  if (b.status === 'cancelled') throw AppError.conflict('centre.error.booking_already_cancelled');
  if (b.status === 'checked_in') throw AppError.conflict('centre.error.booking_used');
  if (!by.staffUserId && slotStart(b.day, b.slot).getTime() <= now.getTime()) {
    throw AppError.conflict('centre.error.booking_too_late');
  }
  const { rows } = await sql<Booking>`update centre_bookings set status = 'cancelled', cancelled_at = ${now}, cancelled_by = ${by.staffUserId}
    where id = ${b.id} returning ${COLUMNS}`.execute(trx);
  return rows[0];
}

/** A day's bookings for the staff list, in slot order. */
export async function bookingsOfDay(trx: Trx, unitId: string, day: string): Promise<StaffBooking[]> {
  const { rows } = await sql<StaffBooking>`select b.id, b.code, b.day::text as day, b.slot, b.service_id, b.full_name, b.status,
      b.phone, b.email, s.code as service_code, b.cancelled_at
    from centre_bookings b join centre_services s on s.id = b.service_id
    where b.unit_id = ${unitId} and b.day = ${day} order by b.slot, b.created_at`.execute(trx);
  return rows;
}

/** At the kiosk on the booked day: turns a booking into a ticket queued from its slot time. */
export async function checkIn(trx: Trx, unitId: string, code: string, now: Date): Promise<TakenTicket> {
  const b = await bookingByCode(trx, unitId, code);
  if (!b) throw AppError.notFound('centre.error.booking_code_not_found');
  if (b.status === 'cancelled') throw AppError.conflict('centre.error.booking_cancelled_take_ticket');
  if (b.status !== 'booked') throw AppError.conflict('centre.error.booking_code_used');
  if (b.day !== vnDateOf(now)) throw AppError.conflict('centre.error.booking_other_day').with({ day: dmy(b.day) });
  const { rows } = await sql<{ code: string }>`update centre_bookings set status = 'checked_in' where id = ${b.id} and status = 'booked' returning (select code from centre_services where id = service_id)`.execute(trx);
  if (!rows[0]) throw AppError.conflict('centre.error.booking_code_used');
  return takeTicket(trx, unitId, { service: rows[0].code, source: 'booking', bookingId: b.id, appointmentAt: slotStart(b.day, b.slot) }, now);
}
