import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { emitEvent } from '../../../core/events.js';
import { withUnit } from '../../../core/tenancy.js';
import type { DeadlineRules } from '../../../lib/vn-calendar/index.js';
import { normaliseDossierCode } from '../domain/code.js';
import { computeDue, dueFields } from '../domain/deadline.js';
import { returnBlockedReason } from '../domain/rules.js';
import { isDossierAction, nextStatus, unitMayAct, type DossierAction } from '../domain/states.js';
import type { DossierRow } from '../domain/types.js';

const dmy = (iso: string) => iso.split('-').reverse().join('/');
import { closePauses, insertEvent, listPauses, lockDossierByCode, openPause, updateDossier, type Trx } from '../repo/dossiers.js';
import { deadlineRules, type DossierDeps, type Officer } from './deps.js';

export interface TransitionInput { action: string; note?: string; missingPapers?: string; refusalReason?: string }

/** Extra changes an action makes beyond the status (pure given the dossier and the time). */
function sideEffects(d: DossierRow, action: DossierAction, input: TransitionInput, now: Date): Partial<DossierRow> {
  switch (action) {
    case 'request_supplement':
      if (!input.missingPapers?.trim()) throw AppError.unprocessable('dossiers.error.supplement_required', { missingPapers: 'Bắt buộc' });
      return { missing_papers: input.missingPapers.trim() };
    case 'supplement':
      return d.accepted_at ? {} : { accepted_at: now };
    case 'refuse':
      if (!input.refusalReason?.trim()) throw AppError.unprocessable('dossiers.error.rejection_reason_required', { refusalReason: 'Bắt buộc' });
      return { refusal_reason: input.refusalReason.trim(), result_at: now };
    case 'approve':
      return { result_at: now };
    case 'mark_result_ready':
      return d.result_at ? {} : { result_at: now };
    case 'return':
      return { returned_at: now };
    default:
      return {};
  }
}

async function recomputeDue(trx: Trx, rules: DeadlineRules, d: DossierRow): Promise<Pick<DossierRow, 'due_date' | 'due_at' | 'due_confidence'>> {
  return dueFields(computeDue(rules, d, await listPauses(trx, d.id)));
}

/** Actions after which the due date is counted again (the clock stops or restarts). */
const RECOUNTS: readonly DossierAction[] = ['request_supplement', 'supplement'];

/** The deciding unit of a dossier visible to `unitId` (its calendar counts the deadline), or null. */
async function decidingUnitOf(deps: DossierDeps, unitId: string, code: string): Promise<string | null> {
  const row = await withUnit(deps.db, unitId, (trx) => trx.selectFrom('dossiers').select('unit_id').where('code', '=', code).executeTakeFirst());
  return (row?.unit_id as string | undefined) ?? null;
}

/**
 * Moves a dossier one step (audited with the officer, in one transaction). A late dossier cannot
 * be returned before the apology (Mẫu 04) exists: 409 with the reason. Approval and refusal of a
 * routed dossier belong to the deciding unit: 403 for the receiving unit's staff.
 */
export async function transitionDossier(deps: DossierDeps, unitId: string, code: string, input: TransitionInput, officer: Officer): Promise<DossierRow> {
  if (!isDossierAction(input.action)) throw AppError.badRequest('dossiers.error.bad_action');
  const action = input.action;
  const now = deps.now();
  const normal = normaliseDossierCode(code);
  // The deadline is counted on the deciding unit's calendar and cut-off, whichever unit acts
  // (a receiving ward may record the supplement of a dossier routed to another ward).
  const deciding = RECOUNTS.includes(action) ? await decidingUnitOf(deps, unitId, normal) : null;
  const rules = deciding ? await deadlineRules(deps, deciding) : null;
  return withUnit(deps.db, unitId, async (trx) => {
    const d = await lockDossierByCode(trx, normal);
    if (!d) throw AppError.notFound('dossiers.error.dossier_not_found');
    const to = nextStatus(d.status, action);
    // Decree 118/2025 routing: the body competent to decide approves or refuses, not the desk
    // that received the dossier in another ward.
    if (!unitMayAct(action, d.unit_id, unitId)) {
      throw new AppError(403, 'deciding_unit_only', 'dossiers.error.deciding_unit_only', { requires: 'deciding_unit' });
    }
    if (!to) throw AppError.conflict('dossiers.error.action_not_allowed')
      .with({ action: { key: `dossiers.action.${action}` }, status: { key: `dossiers.status.${d.status}` } });
    if (action === 'return') {
      if (returnBlockedReason(d, now)) {
        throw AppError.conflict('dossiers.error.return_needs_apology', { requires: 'apology' }).with({ due: dmy(d.due_date!) });
      }
    }
    const patch: Partial<DossierRow> = { status: to, ...sideEffects(d, action, input, now) };
    if (action === 'request_supplement') await openPause(trx, d, now);
    if (action === 'supplement') await closePauses(trx, d.id, now);
    if (RECOUNTS.includes(action)) {
      const r = rules && d.unit_id === deciding ? rules : await deadlineRules(deps, d.unit_id);
      Object.assign(patch, await recomputeDue(trx, r, { ...d, ...patch } as DossierRow));
      // The warning "due within one working day" belongs to a deadline: a new one is warned again.
      if (patch.due_date !== d.due_date) patch.warned_on = null;
    }
    const after = await updateDossier(trx, d.id, patch);
    const note = input.note?.trim() || patch.missing_papers || patch.refusal_reason || null;
    await insertEvent(trx, d, { at: now, action, from_status: d.status, to_status: to, officer_id: officer.id, officer_name: officer.name, note });
    await audit(trx, officer.actor, {
      action: `dossier.${action}`, entity: 'dossier', entityId: d.id,
      before: { status: d.status, due_date: d.due_date }, after: { status: to, due_date: after.due_date },
    });
    await emitEvent(trx, { unitId: d.unit_id, type: `dossier.${to}`, payload: { id: d.id, code: d.code, status: to } });
    return after;
  });
}
