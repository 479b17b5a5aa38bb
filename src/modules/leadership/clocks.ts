/**
 * Legal clocks of complaints (Law on Complaints 2011) and denunciations (Law on Denunciations
 * 2018), exactly as /work/shared/RULES-VN.md §4.2–4.3 states them. Pure: dates are 'YYYY-MM-DD'.
 *
 * - Complaint: lodged within 90 days of knowing the decision (art. 9); accepted within 10 days of
 *   receipt (art. 27); settled within 30 days of acceptance, 45 if complex; in remote areas 45,
 *   60 if complex (art. 28). Calendar days ("ngày").
 * - Denunciation: accepted within 7 working days of receipt (art. 24); settled within 30 days of
 *   acceptance, extended once (complex) or twice (especially complex) by ≤ 30 days each, by a
 *   recorded decision (art. 30). An anonymous denunciation is information, not a case (art. 25).
 * Periods start the day after the event (Civil Code 2015 art. 147(1)).
 */
import { addDays } from '../../lib/vn-calendar/index.js';

export const CASE_KINDS = ['complaint', 'denunciation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const COMPLAINT_LODGE_LIMIT_DAYS = 90;
export const COMPLAINT_ACCEPT_DAYS = 10;
export const DENUNCIATION_ACCEPT_WORKING_DAYS = 7;
export const DENUNCIATION_RESOLVE_DAYS = 30;
export const DENUNCIATION_EXTENSION_DAYS = 30;
export const MAX_DENUNCIATION_EXTENSIONS = 2;

/** Days to settle a first-instance complaint (art. 28). */
export function complaintResolveDays(o: { complex: boolean; remote: boolean }): number {
  if (o.remote) return o.complex ? 60 : 45;
  return o.complex ? 45 : 30;
}

/** Art. 9: lodged on `receivedOn`, the decision known on `knownOn`; true when within 90 days. */
export function complaintLodgedInTime(knownOn: string, receivedOn: string): boolean {
  return receivedOn <= addDays(knownOn, COMPLAINT_LODGE_LIMIT_DAYS);
}

export function complaintAcceptDue(receivedOn: string): string {
  return addDays(receivedOn, COMPLAINT_ACCEPT_DAYS);
}

export function complaintResolveDue(acceptedOn: string, o: { complex: boolean; remote: boolean }): string {
  return addDays(acceptedOn, complaintResolveDays(o));
}

/** Denunciation acceptance: `workingDaysAfter` is the working-day calendar (work-calendar.ts). */
export function denunciationAcceptDue(receivedOn: string, workingDaysAfter: (date: string, n: number) => string): string {
  return workingDaysAfter(receivedOn, DENUNCIATION_ACCEPT_WORKING_DAYS);
}

export function denunciationResolveDue(acceptedOn: string, extensions: number): string {
  if (!Number.isInteger(extensions) || extensions < 0 || extensions > MAX_DENUNCIATION_EXTENSIONS) {
    throw new RangeError('A denunciation is extended at most twice');
  }
  return addDays(acceptedOn, DENUNCIATION_RESOLVE_DAYS + extensions * DENUNCIATION_EXTENSION_DAYS);
}

/** The settlement due date of a case from its stored facts (null before acceptance). */
export function resolveDue(c: { kind: CaseKind; accepted_on: string | null; complex: boolean; extensions: number }, remote: boolean): string | null {
  if (!c.accepted_on) return null;
  return c.kind === 'complaint'
    ? complaintResolveDue(c.accepted_on, { complex: c.complex, remote })
    : denunciationResolveDue(c.accepted_on, c.extensions);
}

/** Resolved on time: resolved no later than its due date. */
export const resolvedOnTime = (resolvedOn: string, due: string | null): boolean => due !== null && resolvedOn <= due;
