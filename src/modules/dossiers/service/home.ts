import { audit, type Actor } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { normaliseDossierCode } from '../domain/code.js';
import type { DossierDeps } from './deps.js';
import { parseVnLocalDateTime } from '../../../lib/vn-calendar/index.js';

export const HOME_CATEGORIES = ['war_invalid', 'seriously_ill', 'disability', 'elderly_alone'] as const;
export type HomeCategory = (typeof HOME_CATEGORIES)[number];
export type HomeStatus = 'requested' | 'scheduled' | 'picked_up' | 'delivered' | 'cancelled';

export interface HomeRequestInput { requesterName: string; phone: string; address: string; category: string; procedureName: string; note?: string }

export interface HomeRequestRow {
  id: string; requester_name: string; phone: string; address: string; category: HomeCategory; procedure_name: string; note: string | null;
  status: HomeStatus; visit_at: Date | null; picked_up_at: Date | null; delivered_at: Date | null; officer_name: string | null; dossier_id: string | null; created_at: Date;
}

export function homeRequestErrors(i: HomeRequestInput): Record<string, string> {
  const e: Record<string, string> = {};
  if (i.requesterName.trim().length < 2) e.requesterName = 'Nhập họ tên người cần hỗ trợ.';
  const digits = i.phone.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 11) e.phone = 'Nhập số điện thoại liên hệ (9–11 chữ số).';
  if (i.address.trim().length < 5) e.address = 'Nhập địa chỉ nơi ở.';
  if (!(HOME_CATEGORIES as readonly string[]).includes(i.category)) e.category = 'Chọn đối tượng.';
  if (i.procedureName.trim().length < 3) e.procedureName = 'Nhập thủ tục cần làm.';
  return e;
}

/** A citizen asks for home service (anonymous form); only staff ever see the list. */
export async function requestHomeService(deps: DossierDeps, unitId: string, input: HomeRequestInput): Promise<string> {
  const errors = homeRequestErrors(input);
  if (Object.keys(errors).length) throw AppError.unprocessable('dossiers.error.home_request_invalid', errors);
  return withUnit(deps.db, unitId, async (trx) => (await trx.insertInto('dossier_home_requests').values({
    unit_id: unitId, requester_name: input.requesterName.trim().slice(0, 120), phone: input.phone.trim().slice(0, 20),
    address: input.address.trim().slice(0, 300), category: input.category, procedure_name: input.procedureName.trim().slice(0, 300),
    note: input.note?.trim().slice(0, 1000) || null, created_at: deps.now(),
  }).returning('id').executeTakeFirstOrThrow()).id as string);
}

export async function listHomeRequests(deps: DossierDeps, unitId: string): Promise<HomeRequestRow[]> {
  return withUnit(deps.db, unitId, (trx) => trx.selectFrom('dossier_home_requests').selectAll().where('unit_id', '=', unitId)
    .orderBy('created_at', 'desc').limit(200).execute()) as Promise<HomeRequestRow[]>;
}

/** Staff steps: schedule a visit, record the pickup (and link the dossier, which gets the flag), record the delivery. */
export async function updateHomeRequest(deps: DossierDeps, unitId: string, id: string, step: string, input: { visitAt?: string; dossierCode?: string }, officer: { name: string; actor: Actor }): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('dossiers.error.home_request_not_found');
  const now = deps.now();
  await withUnit(deps.db, unitId, async (trx) => {
    const r = await trx.selectFrom('dossier_home_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r) throw AppError.notFound('dossiers.error.home_request_not_found');
    const patch: Record<string, unknown> = { officer_name: officer.name };
    if (step === 'schedule') {
      const at = input.visitAt ? parseVnLocalDateTime(input.visitAt) : null;
      if (!at) throw AppError.unprocessable('dossiers.error.home_choose_visit', { visitAt: 'Bắt buộc' });
      Object.assign(patch, { status: 'scheduled', visit_at: at });
    } else if (step === 'pickup') {
      Object.assign(patch, { status: 'picked_up', picked_up_at: now });
      if (input.dossierCode?.trim()) {
        const d = await trx.updateTable('dossiers').set({ home_service: true, updated_at: now }).where('code', '=', normaliseDossierCode(input.dossierCode))
          .returning('id').executeTakeFirst();
        if (!d) throw AppError.unprocessable('dossiers.error.home_dossier_code', { dossierCode: 'Sai mã' });
        patch.dossier_id = d.id;
      }
    } else if (step === 'deliver') {
      if (r.status !== 'picked_up') throw AppError.conflict('dossiers.error.home_return_after_pickup');
      Object.assign(patch, { status: 'delivered', delivered_at: now });
    } else {
      throw AppError.badRequest('dossiers.error.bad_action');
    }
    await trx.updateTable('dossier_home_requests').set(patch).where('id', '=', id).execute();
    await audit(trx, officer.actor, { action: `dossier.home.${step}`, entity: 'dossier_home_request', entityId: id, before: { status: r.status }, after: patch });
  });
}
