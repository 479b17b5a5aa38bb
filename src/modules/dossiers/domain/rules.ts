import { vnDateOf } from '../../../lib/vn-calendar/plain-date.js';
import { hasResult, isClosed } from './states.js';
import type { DossierRow } from './types.js';

export type Timing = 'early' | 'on_time' | 'late';

/** dd/mm/yyyy of an ISO date. */
export const showDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Early, on time or late: compares the Vietnam date of the result with the due date. */
export function timingOf(dueDate: string | null, resultAt: Date | null): Timing | null {
  if (!dueDate || !resultAt) return null;
  const day = vnDateOf(resultAt);
  return day < dueDate ? 'early' : day === dueDate ? 'on_time' : 'late';
}

type Dated = Pick<DossierRow, 'status' | 'due_date' | 'result_at'>;

/** Late: the result came after the due date, or there is still none and the due date has passed. */
export function isLate(d: Dated, now: Date): boolean {
  if (!d.due_date || d.status === 'withdrawn') return false;
  if (d.result_at) return vnDateOf(d.result_at) > d.due_date;
  return !hasResult(d.status) && vnDateOf(now) > d.due_date;
}

/** The date the citizen now expects the result: the apology's new date when one was issued, else the due date. */
export const promisedDate = (d: Pick<DossierRow, 'due_date' | 'apology_due_date'>) => d.apology_due_date ?? d.due_date;

/**
 * Late against the apology's new date: an apology (Mẫu 04) was issued and even its new date has
 * passed without a result (or the result came after it). Flagged for staff and in the overdue job.
 */
export function isLateAfterApology(d: Pick<DossierRow, 'status' | 'result_at' | 'apologies' | 'apology_due_date'>, now: Date): boolean {
  if (!d.apologies || !d.apology_due_date || d.status === 'withdrawn') return false;
  if (d.result_at) return vnDateOf(d.result_at) > d.apology_due_date;
  return !hasResult(d.status) && vnDateOf(now) > d.apology_due_date;
}

/** Open and without a result yet (the deadline still matters). */
export const isPending = (d: Pick<DossierRow, 'status'>) => !isClosed(d.status) && !hasResult(d.status);

/**
 * Why the result may not be handed over yet, or null. A late dossier needs the apology (Mẫu 04)
 * first — Decree 118/2025 keeps the rule of Decree 61/2018 art. 19.
 */
export function returnBlockedReason(d: Dated & Pick<DossierRow, 'apologies'>, now: Date): string | null {
  if (!isLate(d, now) || d.apologies > 0) return null;
  return `Hồ sơ đã quá hạn giải quyết (hạn trả ${showDate(d.due_date!)}). Phải lập Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) trước khi trả kết quả cho công dân.`;
}

export interface ApologyInput { reason: string; newDueDate: string; leaderName: string; leaderTitle: string }

/** Field errors of an apology for dossier `d` issued at `now` (empty = valid). */
export function apologyErrors(d: Pick<DossierRow, 'status' | 'due_date'> & Partial<Pick<DossierRow, 'apology_due_date'>>, input: ApologyInput, now: Date): Record<string, string> {
  const current = d.apology_due_date ?? d.due_date;
  const errors: Record<string, string> = {};
  if (isClosed(d.status)) errors.dossier = 'Hồ sơ đã kết thúc, không thể lập phiếu xin lỗi.';
  if (!d.due_date) errors.dossier = 'Hồ sơ chưa có hạn trả kết quả.';
  if (input.reason.trim().length < 10) errors.reason = 'Nêu rõ lý do chậm trễ (ít nhất 10 ký tự).';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.newDueDate)) errors.newDueDate = 'Nhập ngày hẹn trả mới hợp lệ.';
  else if (current && input.newDueDate <= current) errors.newDueDate = 'Ngày hẹn mới phải sau hạn trả hiện tại.';
  else if (input.newDueDate < vnDateOf(now)) errors.newDueDate = 'Ngày hẹn mới không được trước hôm nay.';
  if (input.leaderName.trim().length < 3) errors.leaderName = 'Nhập họ tên lãnh đạo chịu trách nhiệm.';
  if (input.leaderTitle.trim().length < 3) errors.leaderTitle = 'Nhập chức vụ lãnh đạo.';
  return errors;
}

/** An apology issued after the due date has passed is itself late (and flagged). */
export const apologyIsLate = (dueDate: string, issuedAt: Date) => vnDateOf(issuedAt) > dueDate;

/**
 * How the apology is delivered on that channel: e-mail through the mail outbox; SMS has no
 * sender in this installation, so it waits for staff ("chờ gửi"); desk and post on paper.
 */
export function apologySendStatus(channel: string): 'queued' | 'pending' | 'paper' {
  return channel === 'email' ? 'queued' : channel === 'sms' ? 'pending' : 'paper';
}

/**
 * The apology as an SMS for staff to send by hand: without diacritics (one 160-character GSM
 * message), the code and the new date only.
 */
export function apologySms(d: Pick<DossierRow, 'code'>, a: { new_due_date: string }): string {
  return `Ho so ${d.code} cham tra ket qua. Chung toi xin loi ong/ba va hen tra ket qua ngay ${showDate(a.new_due_date)}.`;
}

/** The channel the apology goes by: the citizen's own (online → e-mail/SMS, else at the desk). */
export function apologyChannel(d: Pick<DossierRow, 'channel' | 'applicant_email' | 'applicant_phone'>): { channel: string; to: string | null } {
  if (d.channel === 'online' && d.applicant_email) return { channel: 'email', to: d.applicant_email };
  if (d.channel === 'online' && d.applicant_phone) return { channel: 'sms', to: d.applicant_phone };
  if (d.channel === 'postal') return { channel: 'postal', to: null };
  return { channel: 'desk', to: null };
}
