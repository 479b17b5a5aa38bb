import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { emitEvent } from '../../../core/events.js';
import { enqueueEmail } from '../../../core/mail.js';
import { withUnit } from '../../../core/tenancy.js';
import { normaliseDossierCode } from '../domain/code.js';
import { apologyChannel, apologyErrors, apologyIsLate, apologySendStatus, showDate, type ApologyInput } from '../domain/rules.js';
import type { ApologyRow, DossierRow } from '../domain/types.js';
import { insertApology, insertEvent, listApologies, lockDossierByCode, updateDossier, type Trx } from '../repo/dossiers.js';
import type { DossierDeps, Officer } from './deps.js';

function apologyText(d: DossierRow, a: ApologyRow): string {
  return [
    `Kính gửi ông/bà ${d.applicant_name},`,
    '',
    `Hồ sơ ${d.code} (${d.procedure_name}) hẹn trả kết quả ngày ${d.due_date ? showDate(d.due_date) : '…'} chưa được giải quyết đúng hẹn.`,
    `Lý do: ${a.reason}.`,
    `Chúng tôi trân trọng xin lỗi ông/bà và hẹn trả kết quả vào ngày ${showDate(a.new_due_date)}.`,
    '',
    `${a.leader_title} ${a.leader_name}`,
  ].join('\n');
}

/**
 * Sends the apology by the citizen's own channel: e-mail through the mail outbox; an SMS cannot be
 * sent here (the core outbox has no SMS kind), so it stays "chờ gửi" on the staff page until an
 * officer sends it and marks it sent; desk/postal on paper. The event lets a future SMS adapter act.
 */
async function sendApology(trx: Trx, d: DossierRow, a: ApologyRow): Promise<void> {
  if (a.sent_channel === 'email' && a.sent_to) {
    await enqueueEmail(trx, { unitId: d.unit_id, to: a.sent_to, subject: `[${d.code}] Phiếu xin lỗi và hẹn lại ngày trả kết quả`, text: apologyText(d, a) });
  }
  await emitEvent(trx, { unitId: d.unit_id, type: 'dossier.apologised', payload: { id: d.id, code: d.code, channel: a.sent_channel, late: a.late, newDueDate: a.new_due_date, sendStatus: a.send_status } });
}

/** Staff record that a "chờ gửi" (SMS) apology was sent by hand; audited. */
export async function markApologySent(deps: DossierDeps, unitId: string, code: string, number: number, officer: Officer): Promise<void> {
  const now = deps.now();
  await withUnit(deps.db, unitId, async (trx) => {
    const d = await lockDossierByCode(trx, normaliseDossierCode(code));
    if (!d) throw AppError.notFound('dossiers.error.dossier_not_found');
    const a = (await listApologies(trx, d.id)).find((x) => x.number === number);
    if (!a) throw AppError.notFound('dossiers.error.apology_not_found');
    if (a.send_status !== 'pending') throw AppError.conflict('dossiers.error.apology_not_pending');
    await trx.updateTable('dossier_apologies').set({ send_status: 'sent', sent_at: now, sent_by: officer.name }).where('id', '=', a.id).execute();
    await insertEvent(trx, d, { at: now, action: 'apology_sent', from_status: d.status, to_status: d.status, officer_id: officer.id, officer_name: officer.name, note: `Phiếu xin lỗi số ${number} — ${a.sent_channel} ${a.sent_to ?? ''}`.trim() });
    await audit(trx, officer.actor, { action: 'dossier.apology_sent', entity: 'dossier', entityId: d.id, before: { number, send_status: a.send_status }, after: { number, send_status: 'sent' } });
  });
}

/**
 * Issues the apology and new appointment (Mẫu 04). Due before the deadline passes; one issued
 * after it is recorded with `late = true` and counted as a late apology.
 */
export async function issueApology(deps: DossierDeps, unitId: string, code: string, input: ApologyInput, officer: Officer): Promise<ApologyRow> {
  const now = deps.now();
  return withUnit(deps.db, unitId, async (trx) => {
    const d = await lockDossierByCode(trx, normaliseDossierCode(code));
    if (!d) throw AppError.notFound('dossiers.error.dossier_not_found');
    const errors = apologyErrors(d, input, now);
    if (Object.keys(errors).length) throw AppError.unprocessable('dossiers.error.apology_invalid', errors);
    // Late when issued after the date the citizen was last given (the due date, or a previous apology's new date).
    const late = apologyIsLate(d.apology_due_date ?? d.due_date!, now);
    const { channel, to } = apologyChannel(d);
    const number = (await listApologies(trx, d.id)).length + 1;
    const a = await insertApology(trx, d, {
      number, reason: input.reason.trim(), new_due_date: input.newDueDate, leader_name: input.leaderName.trim(),
      leader_title: input.leaderTitle.trim(), issued_at: now, issued_by: officer.id, late, sent_channel: channel, sent_to: to,
      send_status: apologySendStatus(channel),
    });
    // A new date to keep: the warning before it is due again (warned_on is per deadline).
    await updateDossier(trx, d.id, { apologies: d.apologies + 1, late_apologies: d.late_apologies + (late ? 1 : 0), apology_due_date: input.newDueDate, warned_on: null });
    await insertEvent(trx, d, { at: now, action: 'apologise', from_status: d.status, to_status: d.status, officer_id: officer.id, officer_name: officer.name, note: `${a.reason} — hẹn lại ${showDate(a.new_due_date)}${late ? ' (xin lỗi muộn)' : ''}` });
    await audit(trx, officer.actor, { action: 'dossier.apologise', entity: 'dossier', entityId: d.id, after: { number, new_due_date: a.new_due_date, late, channel, send_status: a.send_status } });
    await sendApology(trx, d, a);
    return a;
  });
}
