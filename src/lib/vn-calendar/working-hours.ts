/**
 * A unit's office hours (RULES-VN.md §2.2: default 07:30–11:30 and 13:30–17:00, editable per
 * unit), as periods of minutes since local midnight, and the rule that a receipt outside them
 * counts as a receipt at the start of the next working period.
 */
import { parseClock } from './plain-date.js';

/** Periods [start, end) in minutes since midnight (Vietnam time), sorted, not overlapping. */
export interface WorkingHours {
  periods: ReadonlyArray<readonly [number, number]>;
}

export const DEFAULT_WORKING_HOURS_TEXT = '07:30-11:30,13:30-17:00';

/**
 * Parse '07:30-11:30,13:30-17:00' (one to four periods); null when malformed, overlapping or
 * out of order.
 * @example parseWorkingHours('08:00-12:00,13:00-17:00')?.periods // [[480, 720], [780, 1020]]
 */
export function parseWorkingHours(text: string): WorkingHours | null {
  const parts = text.replace(/\s+/g, '').replace(/[–—]/g, '-').split(/[,;]/).filter(Boolean);
  if (parts.length < 1 || parts.length > 4) return null;
  const periods: Array<[number, number]> = [];
  for (const part of parts) {
    const [a, b, ...rest] = part.split('-');
    const start = parseClock(a ?? '');
    const end = b === '24:00' ? 1440 : parseClock(b ?? '');
    if (rest.length || start === null || end === null || end <= start) return null;
    if (periods.length && start < periods[periods.length - 1][1]) return null;
    periods.push([start, end]);
  }
  return { periods };
}

export const DEFAULT_WORKING_HOURS: WorkingHours = parseWorkingHours(DEFAULT_WORKING_HOURS_TEXT)!;

/** '07:30-11:30,13:30-17:00'. @example formatWorkingHours(DEFAULT_WORKING_HOURS) */
export function formatWorkingHours(h: WorkingHours): string {
  return h.periods.map(([a, b]) => `${formatClock(a)}-${formatClock(b)}`).join(',');
}

/** Minutes since midnight as 'HH:MM'. @example formatClock(450) // '07:30' */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** Start of the first period (07:30 by default). */
export const openingMinute = (h: WorkingHours) => h.periods[0][0];
/** End of the last period (17:00 by default). */
export const closingMinute = (h: WorkingHours) => h.periods[h.periods.length - 1][1];

/**
 * Where a time of day falls: inside a period (returned unchanged), before a later period of the
 * same day (moved to its start), or after the last one (null: the next working day's opening).
 * @example nextWorkingMinute(DEFAULT_WORKING_HOURS, 12 * 60) // 810 (13:30, lunch break)
 */
export function nextWorkingMinute(h: WorkingHours, minutes: number): number | null {
  for (const [a, b] of h.periods) {
    if (minutes < a) return a;
    if (minutes < b) return minutes;
  }
  return null;
}
