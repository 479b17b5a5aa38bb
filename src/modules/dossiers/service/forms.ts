import type { Kysely } from 'kysely';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { provider } from '../../../core/providers.js';
import { lookupPath, normaliseDossierCode } from '../domain/code.js';
import { formDate, formPrecondition, type FormContext, type FormNumber } from '../forms/index.js';
import {
  allocateFormNumber, findDossierByCode, getSettings, listApologies, listEvents, listPauses, unitNames, unitSlug,
} from '../repo/dossiers.js';
import type { DossierDeps } from './deps.js';
import { vnYearOf } from '../../../lib/vn-calendar/index.js';

/** Absolute link to the receiving unit's look-up page with the code filled in (null without PUBLIC_URL). */
export function lookupUrl(deps: Pick<DossierDeps, 'publicUrl'>, slug: string | null, code: string): string | null {
  const base = deps.publicUrl?.();
  return base && slug ? `${base}${lookupPath(slug, code)}` : null;
}

/**
 * The return counter the receiving unit's catalogue sets for the procedure ("Quầy 1"), or null —
 * so Mẫu 01 and the look-up page say what the procedure page says.
 */
export async function procedureCounter(db: Kysely<any>, unitId: string, procedureKey: string | null): Promise<string | null> {
  if (!procedureKey) return null;
  const catalogue = provider('procedureCatalogue'); // null only when the catalogue module is not installed
  const procedures = catalogue ? await catalogue.listProcedures(db, unitId) : [];
  return procedures.find((p) => p.slug === procedureKey)?.counter ?? null;
}

/**
 * Loads everything a form needs for one dossier visible to `unitId`. With `form`, checks the
 * form may be issued (409 otherwise) and gives it its number in the unit's register of the year.
 */
export async function loadFormContext(deps: DossierDeps, unitId: string, code: string, form?: FormNumber): Promise<FormContext> {
  const ctx = await withUnit(deps.db, unitId, async (trx) => {
    const d = await findDossierByCode(trx, normaliseDossierCode(code));
    if (!d) throw AppError.notFound('dossiers.error.dossier_not_found');
    const [events, pauses, apologies, settings, names, slug] = await Promise.all([
      listEvents(trx, d.id), listPauses(trx, d.id), listApologies(trx, d.id), getSettings(trx, d.receiving_unit_id),
      unitNames(trx, [d.unit_id, d.receiving_unit_id]), unitSlug(trx, d.receiving_unit_id),
    ]);
    const ctx: FormContext = {
      unitName: names.get(d.receiving_unit_id) ?? '', decidingUnitName: names.get(d.unit_id) ?? '',
      dossier: d, events, pauses, apologies, settings, now: deps.now(), lookupUrl: lookupUrl(deps, slug, d.code),
    };
    if (form && form !== '05') {
      if (formPrecondition(ctx, form)) {
        const requires = form === '02' ? 'supplement_request' : form === '03' ? 'refusal' : 'apology';
        throw AppError.conflict(`dossiers.error.form_${form}_precondition`, { requires });
      }
      const year = vnYearOf(formDate(ctx, form));
      ctx.formNumber = await allocateFormNumber(trx, unitId, d.id, form, year);
    }
    return ctx;
  });
  ctx.counter = await procedureCounter(deps.db, ctx.dossier.receiving_unit_id, ctx.dossier.procedure_code);
  return ctx;
}
