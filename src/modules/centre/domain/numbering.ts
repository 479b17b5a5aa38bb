/** Ticket numbers: a service prefix letter and a daily sequence, e.g. `A001`. */

const VN_OFFSET_MS = 7 * 3600_000;

/** The calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as `yyyy-mm-dd`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The hour of day (0–23) in Asia/Ho_Chi_Minh. */
export function vnHour(at: Date): number {
  return new Date(at.getTime() + VN_OFFSET_MS).getUTCHours();
}

/** `hh:mm` in Asia/Ho_Chi_Minh. */
export function vnTime(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/** Start of a Vietnamese calendar day as a UTC instant. */
export function vnDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);
}

/** `formatTicketNumber('A', 7)` → `A007`; four digits past 999. */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('sequence must be a positive integer');
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** A prefix is one to three upper-case ASCII letters (printers and speech read them reliably). */
export const isValidPrefix = (p: string): boolean => /^[A-Z]{1,3}$/.test(p);

/** Speakable Vietnamese form of a number for the display: `A007` → `A, không không bảy`. */
export function spokenNumber(number: string): string {
  const m = /^([A-Z]*)(\d+)$/.exec(number);
  if (!m) return number;
  const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  return `${m[1].split('').join(' ')}, ${m[2].split('').map((d) => digits[Number(d)]).join(' ')}`;
}
