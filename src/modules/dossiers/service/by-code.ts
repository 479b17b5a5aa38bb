import type { Kysely } from 'kysely';
import { withUnit } from '../../../core/tenancy.js';
import { normaliseDossierCode, parseDossierCode } from '../domain/code.js';
import type { DossierStatus } from '../domain/states.js';

/** What another module (e.g. the centre's queue tickets) may know of a dossier: nothing personal. */
export interface DossierRef { id: string; code: string; status: DossierStatus }

/**
 * A dossier visible to `unitId` (deciding or receiving unit; RLS applies) by its code, or null
 * when the code is malformed or unknown to that unit.
 * @example await findDossierByCode(app.db, req.unit.id, '000.00.00.H31-260115-0001') // { id, code, status }
 */
export async function findDossierByCode(db: Kysely<any>, unitId: string, code: string): Promise<DossierRef | null> {
  const normal = normaliseDossierCode(code ?? '');
  if (!parseDossierCode(normal)) return null;
  const row = await withUnit(db, unitId, (trx) => trx.selectFrom('dossiers').select(['id', 'code', 'status'])
    .where('code', '=', normal).executeTakeFirst());
  return (row as DossierRef | undefined) ?? null;
}
