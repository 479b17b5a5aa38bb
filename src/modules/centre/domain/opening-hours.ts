import { DEFAULT_SLOTS, type SlotConfig } from './booking-slots.js';
import { vnDateOf, vnTimeOf } from '../../../lib/vn-calendar/index.js';

/**
 * When the kiosk issues numbers: on working days, from `EARLY_MINUTES` before the morning session
 * until the afternoon session ends (a number taken at lunch waits for the afternoon session).
 */
export const EARLY_MINUTES = 30;

export type QueueClosed = { reason: 'day_off'; day: string } | { reason: 'before_open' | 'after_close'; day: string; opensAt: string };

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The first minute numbers are issued, 'HH:MM'. */
export const queueOpensAt = (cfg: SlotConfig = DEFAULT_SLOTS): string => toHhmm(toMin(cfg.sessions[0]![0]) - EARLY_MINUTES);

/** Why no number can be taken at `now` (Vietnam time), or null while the queue is open. */
export function queueClosed(now: Date, isWorkingDay: (day: string) => boolean, cfg: SlotConfig = DEFAULT_SLOTS): QueueClosed | null {
  const day = vnDateOf(now);
  if (!isWorkingDay(day)) return { reason: 'day_off', day };
  const minute = toMin(vnTimeOf(now));
  const opens = toMin(cfg.sessions[0]![0]) - EARLY_MINUTES;
  const closes = toMin(cfg.sessions.at(-1)![1]);
  if (minute < opens) return { reason: 'before_open', day, opensAt: toHhmm(opens) };
  if (minute >= closes) return { reason: 'after_close', day, opensAt: toHhmm(opens) };
  return null;
}

/** "sáng 07:30–11:30, chiều 13:30–17:00" */
export const sessionsText = (cfg: SlotConfig = DEFAULT_SLOTS, lang: 'vi' | 'en' = 'vi') =>
  cfg.sessions.map(([a, b], i) => `${lang === 'en' ? (i ? 'afternoon' : 'morning') : (i ? 'chiều' : 'sáng')} ${a}–${b}`).join(', ');
