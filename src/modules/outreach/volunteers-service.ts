import { AppError } from '../../core/errors.js';
import { addDays, type IsoDate, type WorkCalendar } from '../../lib/vn-calendar/index.js';
import { isShift, SHIFT_CAPACITY, SHIFTS, type Shift } from './domain/volunteers.js';
import * as repo from './repo-volunteers.js';
import type { Trx } from './repo-letters.js';

/** How far ahead volunteers may sign up. */
export const SIGNUP_DAYS_AHEAD = 21;

export interface ShiftSlot { day: IsoDate; shift: Shift; booked: number; free: number }

/** The next working days' shifts (from tomorrow) with their free places. */
export async function openShifts(trx: Trx, unitId: string, cal: WorkCalendar, today: IsoDate): Promise<ShiftSlot[]> {
  const days: IsoDate[] = [];
  for (let d = addDays(today, 1); days.length < 10 && d <= addDays(today, SIGNUP_DAYS_AHEAD); d = addDays(d, 1)) if (cal.isWorkingDay(d)) days.push(d);
  if (!days.length) return [];
  const counts = await repo.bookedCounts(trx, unitId, days[0], days[days.length - 1]);
  return days.flatMap((day) => SHIFTS.map((shift) => {
    const booked = counts.get(`${day}|${shift}`) ?? 0;
    return { day, shift, booked, free: Math.max(0, SHIFT_CAPACITY - booked) };
  }));
}

const PHONE = /^(\+84|0)\d{9,10}$/;

export interface SignupInput { slot: string; name: string; organisation: string; phone: string }

export function signupErrors(i: SignupInput): Record<string, string> {
  const e: Record<string, string> = {};
  const [day, shift] = i.slot.split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? '') || !isShift(shift)) e.slot = 'Chọn một ca trực.';
  if (!i.name.trim()) e.name = 'Nhập họ tên.';
  else if (i.name.length > 200) e.name = 'Họ tên tối đa 200 ký tự.';
  if (!i.organisation.trim()) e.organisation = 'Nhập tổ chức, đoàn thể của bạn.';
  else if (i.organisation.length > 200) e.organisation = 'Tên tổ chức tối đa 200 ký tự.';
  if (!PHONE.test(i.phone.replace(/[\s.-]/g, ''))) e.phone = 'Số điện thoại chưa đúng (10 số, bắt đầu bằng 0).';
  return e;
}

/** Books a place: the shift must be open (a working day within the window) and not full; one place per phone per shift. */
export async function signUp(trx: Trx, unitId: string, cal: WorkCalendar, today: IsoDate, i: SignupInput) {
  const errors = signupErrors(i);
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.signup_invalid', errors);
  const [day, shift] = i.slot.split('|') as [IsoDate, Shift];
  if (day <= today || day > addDays(today, SIGNUP_DAYS_AHEAD) || !cal.isWorkingDay(day)) {
    throw AppError.unprocessable('outreach.error.shift_closed', { slot: 'Chỉ đăng ký được ca của ngày làm việc trong ba tuần tới.' });
  }
  await repo.lockShift(trx, unitId, day, shift);
  const counts = await repo.bookedCounts(trx, unitId, day, day);
  if ((counts.get(`${day}|${shift}`) ?? 0) >= SHIFT_CAPACITY) throw AppError.conflict('outreach.error.shift_full');
  const phone = i.phone.replace(/[\s.-]/g, '');
  const same = (await repo.signupsBetween(trx, unitId, day, day)).find((s) => s.shift === shift && s.phone === phone);
  if (same) throw AppError.conflict('outreach.error.shift_phone_taken');
  return repo.insertSignup(trx, unitId, { day, shift, name: i.name.trim(), organisation: i.organisation.trim(), phone });
}
