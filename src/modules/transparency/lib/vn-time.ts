/**
 * Vietnam keeps UTC+07:00 all year (no daylight saving), so wall-clock arithmetic is a fixed offset.
 * Dates without time ("2026-11-23") are handled as plain { y, m, d } strings.
 */
export const VN_OFFSET_MS = 7 * 3600_000;
export const VN_TZ = 'Asia/Ho_Chi_Minh';

export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; weekday: number }

/** Wall-clock parts in Vietnam; weekday 1 = Monday … 7 = Sunday (ISO). */
export function vnParts(at: Date): WallTime {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  const js = d.getUTCDay();
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: js === 0 ? 7 : js,
  };
}

/** The instant of a Vietnamese wall-clock time. */
export function vnInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-25` — the Vietnamese calendar date of an instant. */
export function vnDateString(at: Date): string {
  const p = vnParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `08:30` — the Vietnamese wall-clock time of an instant. */
export function vnTimeString(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Adds calendar days to a `yyyy-mm-dd` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** `dd/mm/yyyy` for a `yyyy-mm-dd` date. */
export function displayDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Parses `yyyy-mm-dd` strictly (a real calendar date) or returns null. */
export function parseDate(input: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? m[0] : null;
}

/** A `Date` column (pg returns a JS Date at local midnight, or a string) as `yyyy-mm-dd`. */
export function dateColumn(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
