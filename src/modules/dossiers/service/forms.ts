import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { lookupPath, normaliseDossierCode } from '../domain/code.js';
import type { FormContext } from '../forms/index.js';
import { findDossierByCode, getSettings, listApologies, listEvents, listPauses, unitNames, unitSlug } from '../repo/dossiers.js';
import type { DossierDeps } from './deps.js';

/** Absolute link to the receiving unit's look-up page with the code filled in (null without PUBLIC_URL). */
export function lookupUrl(deps: Pick<DossierDeps, 'publicUrl'>, slug: string | null, code: string): string | null {
  const base = deps.publicUrl?.();
  return base && slug ? `${base}${lookupPath(slug, code)}` : null;
}

/** Loads everything a form needs for one dossier visible to `unitId`. */
export async function loadFormContext(deps: DossierDeps, unitId: string, code: string): Promise<FormContext> {
  return withUnit(deps.db, unitId, async (trx) => {
    const d = await findDossierByCode(trx, normaliseDossierCode(code));
    if (!d) throw AppError.notFound('Không tìm thấy hồ sơ.');
    const [events, pauses, apologies, settings, names, slug] = await Promise.all([
      listEvents(trx, d.id), listPauses(trx, d.id), listApologies(trx, d.id), getSettings(trx, d.receiving_unit_id),
      unitNames(trx, [d.unit_id, d.receiving_unit_id]), unitSlug(trx, d.receiving_unit_id),
    ]);
    return {
      unitName: names.get(d.receiving_unit_id) ?? '', decidingUnitName: names.get(d.unit_id) ?? '',
      dossier: d, events, pauses, apologies, settings, now: deps.now(), lookupUrl: lookupUrl(deps, slug, d.code),
    };
  });
}
