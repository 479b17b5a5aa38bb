import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { emitEvent } from '../../../core/events.js';
import { withUnit } from '../../../core/tenancy.js';
import { vnDateOf } from '../../../lib/vn-calendar/index.js';
import { formatDossierCode } from '../domain/code.js';
import { computeDue, dueFields, isFastTrack } from '../domain/deadline.js';
import type { ProcedureChoice } from '../domain/procedures.js';
import { resolveProcedure } from './procedures.js';
import { CHANNELS, type Channel, type DossierRow } from '../domain/types.js';
import { findByExternalCode, getSettings, insertDossier, insertEvent, lockExternalCode, nextSequence, openPause } from '../repo/dossiers.js';
import { deadlineRules, type DossierDeps, type Officer } from './deps.js';

export interface IntakeInput {
  procedureKey: string;
  applicantName: string;
  applicantPhone?: string;
  applicantEmail?: string;
  applicantAddress?: string;
  channel: string;
  complete: boolean;
  missingPapers?: string;
  decidingUnitId?: string;
  homeService?: boolean;
  /** Papers received with the dossier, one item each (listed on Mẫu 01). */
  papers?: string[];
  /** Code of the dossier in the sending system (API): a second receipt with it returns the first. */
  externalCode?: string;
  /** Where the dossier came from: 'counter' (default) or 'api'. */
  source?: 'counter' | 'api';
}

export const MAX_PAPERS = 50;

/** Papers received: trimmed, blank lines dropped, at most MAX_PAPERS of 300 characters. */
export const cleanPapers = (papers: string[] | undefined) =>
  (papers ?? []).map((p) => p.trim().replace(/\s+/g, ' ').slice(0, 300)).filter(Boolean).slice(0, MAX_PAPERS);

export function intakeErrors(input: IntakeInput, procedure: ProcedureChoice | null): Record<string, string> {
  const e: Record<string, string> = {};
  if (!procedure) e.procedureKey = 'Chọn thủ tục hành chính.';
  if (input.applicantName.trim().length < 2) e.applicantName = 'Nhập họ tên người nộp hồ sơ.';
  const digits = (input.applicantPhone ?? '').replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 11) e.applicantPhone = 'Nhập số điện thoại (9–11 chữ số) để công dân tra cứu hồ sơ.';
  if (input.applicantEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.applicantEmail)) e.applicantEmail = 'Thư điện tử không hợp lệ.';
  if (!CHANNELS.includes(input.channel as Channel)) e.channel = 'Chọn kênh nộp hồ sơ.';
  if (!input.complete && !(input.missingPapers ?? '').trim()) e.missingPapers = 'Hồ sơ chưa đầy đủ: ghi rõ giấy tờ cần bổ sung (hướng dẫn một lần).';
  if ((input.papers ?? []).filter((p) => p.trim()).length > MAX_PAPERS) e.papers = `Ghi tối đa ${MAX_PAPERS} giấy tờ đã nhận.`;
  return e;
}

/**
 * Receives a dossier at the counter of `receivingUnitId`. A complete dossier is accepted now and
 * gets its due date; an incomplete one waits for a supplement (Mẫu 02) and its clock has not started.
 */
export async function receiveDossier(deps: DossierDeps, receivingUnitId: string, input: IntakeInput, officer: Officer): Promise<DossierRow> {
  return (await receiveDossierOnce(deps, receivingUnitId, input, officer)).dossier;
}

/**
 * Like receiveDossier, idempotent on `input.externalCode`: when the receiving unit already has a
 * dossier for that code (a retried API call), it is returned with `created: false` and nothing
 * is written. Receipts of the same external code are serialised, so two racing calls make one.
 */
export async function receiveDossierOnce(deps: DossierDeps, receivingUnitId: string, input: IntakeInput, officer: Officer): Promise<{ dossier: DossierRow; created: boolean }> {
  const external = input.externalCode?.trim() || null;
  if (external) {
    const known = await withUnit(deps.db, receivingUnitId, (trx) => findByExternalCode(trx, receivingUnitId, external));
    if (known) return { dossier: known, created: false };
  }
  const procedure = await resolveProcedure(deps.db, receivingUnitId, input.procedureKey);
  const errors = intakeErrors(input, procedure);
  if (!procedure || Object.keys(errors).length) throw AppError.unprocessable('dossiers.error.dossier_invalid', errors);
  const unitId = input.decidingUnitId || receivingUnitId;
  const rules = await deadlineRules(deps, unitId);
  const now = deps.now();
  return withUnit(deps.db, receivingUnitId, async (trx) => {
    if (external) {
      await lockExternalCode(trx, receivingUnitId, external);
      const known = await findByExternalCode(trx, receivingUnitId, external);
      if (known) return { dossier: known, created: false };
    }
    const settings = await getSettings(trx, receivingUnitId);
    const seq = await nextSequence(trx, receivingUnitId, vnDateOf(now));
    const fastTrack = isFastTrack(settings, procedure.key, now);
    const accepted = input.complete ? now : null;
    const row = {
      unit_id: unitId, receiving_unit_id: receivingUnitId, code: formatDossierCode(settings.agency_code, now, seq),
      procedure_code: procedure.key, procedure_name: procedure.name, field: procedure.field, working_days: procedure.limit.value,
      limit_kind: procedure.limit.kind, procedure_cutoff: procedure.cutoff,
      applicant_name: input.applicantName.trim(), applicant_phone: input.applicantPhone?.trim() || null,
      applicant_email: input.applicantEmail?.trim() || null, applicant_address: input.applicantAddress?.trim() || null,
      channel: input.channel as Channel, status: input.complete ? 'received' as const : 'supplement_requested' as const,
      received_at: now, accepted_at: accepted,
      ...dueFields(computeDue(rules, {
        accepted_at: accepted, working_days: procedure.limit.value, limit_kind: procedure.limit.kind,
        procedure_cutoff: procedure.cutoff, fast_track: fastTrack,
      }, [])),
      officer_id: officer.id, officer_name: officer.name, missing_papers: input.complete ? null : input.missingPapers!.trim(),
      refusal_reason: null, home_service: Boolean(input.homeService), fast_track: fastTrack, source: input.source ?? 'counter',
      external_code: external, papers: cleanPapers(input.papers),
    };
    const d = await insertDossier(trx, row);
    await insertEvent(trx, d, { at: now, action: 'receive', from_status: null, to_status: 'received', officer_id: officer.id, officer_name: officer.name });
    if (!input.complete) {
      await openPause(trx, d, now);
      await insertEvent(trx, d, { at: now, action: 'request_supplement', from_status: 'received', to_status: 'supplement_requested', officer_id: officer.id, officer_name: officer.name, note: d.missing_papers });
    }
    await audit(trx, officer.actor, {
      action: 'dossier.receive', entity: 'dossier', entityId: d.id,
      after: { code: d.code, status: d.status, due_date: d.due_date, source: d.source, ...(external ? { external_code: external } : {}) },
    });
    await emitEvent(trx, { unitId: d.unit_id, type: 'dossier.received', payload: { id: d.id, code: d.code } });
    return { dossier: d, created: true };
  });
}
