import {
  type DeadlineResult, type DeadlineRules, type TimeLimit, computeDeadline, isoWeekdayOf, nextWorkingDay, vnDateOf,
  type WorkCalendar,
} from '../../../lib/vn-calendar/index.js';
import type { DossierRow, DossierSettings } from './types.js';

type Timed = Pick<DossierRow, 'accepted_at' | 'working_days' | 'fast_track'>
  & Partial<Pick<DossierRow, 'limit_kind' | 'procedure_cutoff'>>;
type PauseLike = { started_at: Date; ended_at: Date | null };

/** The dossier's time limit: its stored unit, or same day when fast-tracked. */
export function limitOf(d: Timed): TimeLimit {
  if (d.fast_track) return { kind: 'same_day', value: 0 };
  const kind = d.limit_kind ?? (d.working_days === 0 ? 'same_day' : 'working_days');
  return { kind, value: kind === 'same_day' ? 0 : d.working_days };
}

/**
 * Due date of a dossier (RULES-VN.md §2.2, docs/deadlines.md): counted in the limit's unit from
 * the acceptance of the complete dossier (moved to the next opening when outside office hours or
 * after the procedure's or the unit's cut-off), without the pauses while a supplement was
 * awaited; none before acceptance or during an open pause.
 */
export function computeDue(rules: DeadlineRules, d: Timed, pauses: PauseLike[]): DeadlineResult | null {
  if (!d.accepted_at) return null;
  const after = pauses.filter((p) => p.started_at.getTime() >= d.accepted_at!.getTime());
  const r = computeDeadline(rules.calendar, {
    receivedAt: d.accepted_at, limit: limitOf(d), workingHours: rules.workingHours,
    unitCutoff: rules.unitCutoff, procedureCutoff: d.procedure_cutoff ?? null,
    pauses: after.map((p) => ({ from: p.started_at, to: p.ended_at })),
  });
  return r.due ? r : null;
}

/** The stored fields of a due date: day, instant and confidence. */
export function dueFields(r: DeadlineResult | null): Pick<DossierRow, 'due_date' | 'due_at' | 'due_confidence'> {
  return { due_date: r?.dueDate ?? null, due_at: r?.due ?? null, due_confidence: r?.confidence ?? 'official' };
}

/** The due day only ('YYYY-MM-DD'), or null. */
export function computeDueDate(rules: DeadlineRules, d: Timed, pauses: PauseLike[]): string | null {
  return computeDue(rules, d, pauses)?.dueDate ?? null;
}

/** A dossier received on the unit's fast-track day for an eligible procedure gets a same-day result. */
export function isFastTrack(settings: Pick<DossierSettings, 'fast_track_weekday' | 'fast_track_procedures'>, procedureKey: string, receivedAt: Date): boolean {
  if (!settings.fast_track_weekday) return false;
  return isoWeekdayOf(vnDateOf(receivedAt)) === settings.fast_track_weekday && settings.fast_track_procedures.includes(procedureKey);
}

/** Due today or on the next working day and still without a result: warn the officer and the head. */
export function isDueSoon(cal: WorkCalendar, due: string | null, now: Date): boolean {
  if (!due) return false;
  const today = vnDateOf(now);
  return due >= today && due <= nextWorkingDay(cal, today);
}

export const WEEKDAY_VI = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
