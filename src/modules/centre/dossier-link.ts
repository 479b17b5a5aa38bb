import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';
import { provider } from '../../core/providers.js';

/**
 * The documented dossier code format (Circular 01/2018/TT-VPCP guidance):
 * `<agency code>-<yymmdd of receipt>-<4–5 digit daily sequence>`, e.g. `000.00.00.H31-260115-0001`.
 */
export const DOSSIER_CODE = /^[0-9A-Z]{1,8}(?:\.[0-9A-Z]{1,8}){1,5}-\d{6}-\d{4,5}$/;
const EXAMPLE = '000.00.00.H31-260115-0001';

/**
 * Checks a dossier code an officer links to the counter's ticket and returns it in its canonical
 * form: well-formed, and a dossier of this unit (the `dossierLookup` provider of the dossiers
 * module, which applies RLS). Without the dossiers module, a well-formed code is accepted as typed.
 */
export async function resolveDossierCode(app: FastifyInstance, unitId: string, raw: string | undefined): Promise<string | undefined> {
  const code = raw?.trim().toUpperCase();
  if (!code) return undefined;
  if (code.length > 60 || !DOSSIER_CODE.test(code)) {
    throw AppError.unprocessable('centre.error.dossier_code_format', { field: 'dossier_code' }).with({ example: EXAMPLE });
  }
  const dossiers = provider('dossierLookup');
  if (!dossiers) return code;
  const found = await dossiers.findDossierByCode(app.db, unitId, code);
  if (!found) throw AppError.unprocessable('centre.error.dossier_code_not_found', { field: 'dossier_code' }).with({ code });
  return found.code;
}
