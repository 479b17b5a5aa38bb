/** Ticket numbers: a service prefix letter and a daily sequence, e.g. `A001`. */

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
