import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import { daySlots, slotProblem, slotStart } from './domain/booking-slots.js';
import { vnDay } from './domain/numbering.js';
import { serviceByCode } from './repo/config-repo.js';
import type { Trx } from './repo/types.js';
import { takeTicket, type TakenTicket } from './queue-service.js';

export interface BookingInput { service: string; day: string; slot: string; fullName: string; phone?: string | null }
export interface Booking { id: string; code: string; day: string; slot: string; service_id: string; full_name: string; status: string }

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newBookingCode = () => Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

const PROBLEMS: Record<string, string> = {
  bad_day: 'Ngày đặt lịch không hợp lệ.',
  bad_slot: 'Khung giờ không hợp lệ.',
  past: 'Khung giờ này đã qua, vui lòng chọn khung giờ khác.',
  too_far: 'Chỉ đặt lịch trước tối đa 14 ngày.',
  closed: 'Bộ phận một cửa không làm việc vào ngày này.',
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
export async function bookSlot(trx: Trx, unitId: string, input: BookingInput, now: Date): Promise<Booking> {
  const service = await serviceByCode(trx, unitId, input.service);
  if (!service || !service.active) throw AppError.notFound('Không tìm thấy dịch vụ này.');
  const problem = slotProblem(input.day, input.slot, now);
  if (problem) throw AppError.unprocessable(PROBLEMS[problem], { field: problem === 'bad_slot' ? 'slot' : 'day' });
  const name = input.fullName.trim();
  if (name.length < 2 || name.length > 100) throw AppError.unprocessable('Vui lòng nhập họ và tên (2–100 ký tự).', { field: 'fullName' });
  const phone = (input.phone ?? '').replace(/[\s.]/g, '');
  if (phone && !/^0\d{9}$/.test(phone)) throw AppError.unprocessable('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.', { field: 'phone' });
  await sql`select id from centre_services where id = ${service.id} for update`.execute(trx);
  const left = (await slotAvailability(trx, unitId, service.id, service.booking_capacity, input.day))[input.slot];
  if (!left) throw AppError.conflict('Khung giờ này đã kín chỗ, vui lòng chọn khung giờ khác.');
  const { rows } = await sql<Booking>`insert into centre_bookings (unit_id, service_id, day, slot, code, full_name, phone)
    values (${unitId}, ${service.id}, ${input.day}, ${input.slot}, ${newBookingCode()}, ${name}, ${phone || null})
    returning id, code, day::text as day, slot, service_id, full_name, status`.execute(trx);
  return rows[0];
}

export async function bookingByCode(trx: Trx, unitId: string, code: string): Promise<Booking | undefined> {
  const { rows } = await sql<Booking>`select id, code, day::text as day, slot, service_id, full_name, status
    from centre_bookings where unit_id = ${unitId} and code = ${code.trim().toUpperCase()}`.execute(trx);
  return rows[0];
}

/** At the kiosk on the booked day: turns a booking into a ticket queued from its slot time. */
export async function checkIn(trx: Trx, unitId: string, code: string, now: Date): Promise<TakenTicket> {
  const b = await bookingByCode(trx, unitId, code);
  if (!b) throw AppError.notFound('Không tìm thấy mã đặt lịch.');
  if (b.status !== 'booked') throw AppError.conflict('Mã đặt lịch này đã được sử dụng.');
  if (b.day !== vnDay(now)) throw AppError.conflict(`Lịch hẹn của ông/bà vào ngày ${b.day.split('-').reverse().join('/')}.`);
  const { rows } = await sql<{ code: string }>`update centre_bookings set status = 'checked_in' where id = ${b.id} and status = 'booked' returning (select code from centre_services where id = service_id)`.execute(trx);
  if (!rows[0]) throw AppError.conflict('Mã đặt lịch này đã được sử dụng.');
  return takeTicket(trx, unitId, { service: rows[0].code, source: 'booking', bookingId: b.id, appointmentAt: slotStart(b.day, b.slot) }, now);
}
