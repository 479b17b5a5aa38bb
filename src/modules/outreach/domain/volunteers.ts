/**
 * Volunteer shifts at the service centre: a morning and an afternoon shift on each working day,
 * a few places each. Hours count from check-in to check-out, capped to the shift's length plus
 * one hour (a forgotten check-out must not count a whole night).
 */
import { compareVi } from '../../../lib/vn-text/collate.js';

export const SHIFTS = ['morning', 'afternoon'] as const;
export type Shift = (typeof SHIFTS)[number];
export const isShift = (v: unknown): v is Shift => (SHIFTS as readonly unknown[]).includes(v);

export const SHIFT_TIMES: Record<Shift, { start: string; end: string; hours: number }> = {
  morning: { start: '07:30', end: '11:30', hours: 4 },
  afternoon: { start: '13:30', end: '17:00', hours: 3.5 },
};

/** Places per shift. */
export const SHIFT_CAPACITY = 4;

/** Hours of one attendance, rounded to a quarter hour; 0 without check-in or check-out. */
export function attendanceHours(shift: Shift, checkedIn: Date | null, checkedOut: Date | null): number {
  if (!checkedIn || !checkedOut || checkedOut <= checkedIn) return 0;
  const hours = (checkedOut.getTime() - checkedIn.getTime()) / 3_600_000;
  const capped = Math.min(hours, SHIFT_TIMES[shift].hours + 1);
  return Math.round(capped * 4) / 4;
}

export interface Attendance { name: string; phone: string; organisation: string; shift: Shift; checkedIn: Date | null; checkedOut: Date | null }
export interface HoursRow { key: string; label: string; shifts: number; hours: number }

/** Hours per person (by phone) and per organisation, most hours first. */
export function hoursBy(rows: Attendance[], by: 'person' | 'organisation'): HoursRow[] {
  const map = new Map<string, HoursRow>();
  for (const r of rows) {
    const h = attendanceHours(r.shift, r.checkedIn, r.checkedOut);
    if (h <= 0) continue;
    const key = by === 'person' ? r.phone : r.organisation;
    const row = map.get(key) ?? { key, label: by === 'person' ? `${r.name} (${r.organisation})` : r.organisation, shifts: 0, hours: 0 };
    row.shifts += 1;
    row.hours += h;
    map.set(key, row);
  }
  return [...map.values()].sort((a, b) => b.hours - a.hours || compareVi(a.label, b.label));
}

/** Mass organisations volunteers come from (a datalist; others may be typed). */
export const ORGANISATIONS = [
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Hội Liên hiệp Phụ nữ', 'Hội Cựu chiến binh', 'Hội Nông dân',
  'Hội Người cao tuổi', 'Hội Chữ thập đỏ', 'Mặt trận Tổ quốc',
];
