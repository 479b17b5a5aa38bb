import { dueDate, nextWorkingDay, parseClock, vnDateOf, vnDateTimeOf, weekdayOf, type WorkCalendar } from '../../../lib/vn-calendar/index.js';
import type { DossierRow, DossierSettings } from './types.js';

type Timed = Pick<DossierRow, 'accepted_at' | 'working_days' | 'fast_track'>;
type PauseLike = { started_at: Date; ended_at: Date | null };

/**
 * Due date of a dossier (RULES-VN.md §2.2): counted from the acceptance of the complete dossier,
 * without the pauses while a supplement was awaited; none before acceptance or during an open pause.
 * `cutoff` is the deciding unit's after-hours cut-off ('HH:MM', none by default): acceptance at or
 * after it counts as acceptance on the next working day. A fast-track dossier is due the day it
 * was accepted (the next working day when accepted after the cut-off).
 */
export function computeDueDate(cal: WorkCalendar, d: Timed, pauses: PauseLike[], cutoff?: string): string | null {
  if (!d.accepted_at) return null;
  const after = pauses.filter((p) => p.started_at.getTime() >= d.accepted_at!.getTime());
  if (d.fast_track) {
    if (after.some((p) => !p.ended_at)) return null;
    const { date, minutes } = vnDateTimeOf(d.accepted_at);
    const limit = cutoff === undefined ? null : parseClock(cutoff);
    return limit !== null && minutes >= limit ? nextWorkingDay(cal, date) : date;
  }
  return dueDate(cal, {
    acceptedAt: d.accepted_at, workingDays: d.working_days, cutoff,
    pauses: after.map((p) => ({ from: p.started_at, to: p.ended_at })),
  }).due;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a Vietnam date. */
export const isoWeekday = (date: string) => weekdayOf(date) || 7;

/** A dossier received on the unit's fast-track day for an eligible procedure gets a same-day result. */
export function isFastTrack(settings: Pick<DossierSettings, 'fast_track_weekday' | 'fast_track_procedures'>, procedureKey: string, receivedAt: Date): boolean {
  if (!settings.fast_track_weekday) return false;
  return isoWeekday(vnDateOf(receivedAt)) === settings.fast_track_weekday && settings.fast_track_procedures.includes(procedureKey);
}

/** Due today or on the next working day and still without a result: warn the officer and the head. */
export function isDueSoon(cal: WorkCalendar, due: string | null, now: Date): boolean {
  if (!due) return false;
  const today = vnDateOf(now);
  return due >= today && due <= nextWorkingDay(cal, today);
}

export const WEEKDAY_VI = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
