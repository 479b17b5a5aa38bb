import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../core/errors.js';
import { withUnits } from '../../../core/tenancy.js';
import { vnDateOf } from '../../../lib/vn-calendar/index.js';
import { normaliseDossierCode, parseDossierCode, phoneLast4 } from '../domain/code.js';
import type { DossierStatus } from '../domain/states.js';
import { findDossierByCode, getSettings, listApologies, unitNames, unitsOfCode } from '../repo/dossiers.js';
import type { DossierDeps } from './deps.js';
import { collectPlace } from '../forms/index.js';
import { procedureCounter } from './forms.js';

/** What a citizen sees: status, dates and where to collect — nothing personal. */
export interface PublicDossierStatus {
  code: string;
  procedure: string;
  status: DossierStatus;
  receivedOn: string;
  dueDate: string | null;
  /** Due instant, for "giờ … phút"; null with dueDate. */
  dueAt: Date | null;
  /** 'official' unless the due date depends on a holiday year not yet officially announced. */
  dueConfidence: 'official' | 'expected' | 'computed';
  newDueDate: string | null;
  collectAt: string;
  decidingUnit: string;
  /** The latest apology (Mẫu 04) when one was issued: its date, the new date, how many so far. */
  apology: { issuedOn: string; newDueDate: string; count: number } | null;
}

export const LOOKUP_NOT_FOUND = 'dossiers.error.lookup_not_found';

const sameDigits = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Looks a dossier up by code + last 4 phone digits; one 404 for every wrong pair (no oracle). */
export async function publicLookup(deps: DossierDeps, rawCode: string, last4: string): Promise<PublicDossierStatus> {
  const code = normaliseDossierCode(rawCode);
  if (!parseDossierCode(code) || !/^\d{4}$/.test(last4)) throw AppError.notFound(LOOKUP_NOT_FOUND);
  const units = await unitsOfCode(deps.db, code);
  if (!units) throw AppError.notFound(LOOKUP_NOT_FOUND);
  const status = await withUnits(deps.db, [...new Set([units.unit_id, units.receiving_unit_id])], async (trx) => {
    const d = await findDossierByCode(trx, code);
    const phone = phoneLast4(d?.applicant_phone);
    if (!d || !phone || !sameDigits(phone, last4)) throw AppError.notFound(LOOKUP_NOT_FOUND);
    const [settings, names, apologies] = await Promise.all([
      getSettings(trx, d.receiving_unit_id), unitNames(trx, [d.unit_id, d.receiving_unit_id]), listApologies(trx, d.id),
    ]);
    const last = apologies.at(-1);
    const receivingName = names.get(d.receiving_unit_id) ?? '';
    return {
      code: d.code, procedure: d.procedure_name, status: d.status, receivedOn: vnDateOf(d.received_at),
      dueDate: d.due_date, dueAt: d.due_at, dueConfidence: d.due_confidence, newDueDate: d.apology_due_date,
      collectAt: collectPlace({ counter: null, settings, unitName: receivingName }),
      decidingUnit: names.get(d.unit_id) ?? '',
      apology: last ? { issuedOn: vnDateOf(last.issued_at), newDueDate: last.new_due_date, count: apologies.length } : null,
      receivingUnitId: d.receiving_unit_id, procedureKey: d.procedure_code, receivingName, settings,
    };
  });
  // The procedure's counter in the receiving unit's catalogue, as on Mẫu 01 and the procedure page.
  const counter = await procedureCounter(deps.db, status.receivingUnitId, status.procedureKey);
  const { receivingUnitId: _u, procedureKey: _p, receivingName, settings, ...rest } = status;
  return { ...rest, collectAt: collectPlace({ counter, settings, unitName: receivingName }) };
}
