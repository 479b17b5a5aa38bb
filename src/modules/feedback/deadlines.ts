/**
 * Feedback deadlines on the shared engine of src/lib/vn-calendar (RULES-VN.md §2.2): the due day
 * is counted in working days with the unit's calendar, office hours and unit-wide cut-off, so a
 * feedback received outside office hours, on a weekend or a holiday counts as received at the
 * opening of the next working day, exactly as a dossier. The SLA stages (reminder, escalation)
 * are counted in working days of the same calendar.
 */
import {
  type DeadlineRules, type IsoDate, type WorkCalendar, computeDeadline, isLate, workingDaysBetween,
} from '../../lib/vn-calendar/index.js';

/** The unit's deadline rules (calendar, office hours, unit-wide cut-off). */
export type DeadlineRulesSource = (unitId: string) => Promise<DeadlineRules>;

/**
 * Due day of a feedback received at `receivedAt` with a limit of `workingDays` working days: the
 * day of receipt is not counted (Civil Code 2015 art. 147); receipt out of hours counts from the
 * next opening.
 * @example feedbackDueDay(nationalRules(), new Date('2026-12-04T20:36:00+07:00'), 10) // '2026-12-21' (from Mon 07/12)
 */
export function feedbackDueDay(rules: DeadlineRules, receivedAt: Date, workingDays: number): IsoDate {
  const r = computeDeadline(rules.calendar, {
    receivedAt, limit: { kind: 'working_days', value: workingDays },
    workingHours: rules.workingHours, unitCutoff: rules.unitCutoff,
  });
  return r.dueDate!; // no pauses: always known
}

export type SlaStage = 'on_track' | 'remind' | 'escalate_head' | 'escalate_chairman';

/**
 * Where an open item stands on `today`:
 * - `remind` from `remindDaysBefore` working days before the due day up to the due day;
 * - `escalate_head` the first working day after the due day (overdue);
 * - `escalate_chairman` once it is `chairmanAfter` working days overdue (default 3).
 */
export function slaStage(
  cal: WorkCalendar,
  today: IsoDate,
  due: IsoDate,
  remindDaysBefore: number,
  chairmanAfter = 3,
): SlaStage {
  if (today > due) {
    return workingDaysBetween(cal, due, today) >= chairmanAfter ? 'escalate_chairman' : 'escalate_head';
  }
  return workingDaysBetween(cal, today, due) <= remindDaysBefore ? 'remind' : 'on_track';
}

/** Answered on time = answered on or before the due day (Vietnam time). */
export const answeredOnTime = (answeredAt: Date, due: IsoDate): boolean => !isLate(due, answeredAt);
