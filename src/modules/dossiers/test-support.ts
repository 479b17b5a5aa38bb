import type { Kysely } from 'kysely';
import type { DossierRow } from './domain/types.js';
import { unitProcedures } from './service/procedures.js';

/**
 * Test fixtures of the dossiers module, for its own tests and other modules' tests (they use these
 * instead of writing the dossiers tables themselves).
 */

/** The key of a procedure of the unit that takes two working days (the demo catalogue has several). */
export async function twoDayProcedureKey(db: Kysely<any>, unitId: string): Promise<string> {
  const found = (await unitProcedures(db, unitId)).find((p) => p.workingDays === 2);
  if (!found) throw new Error('no two-working-day procedure in this unit');
  return found.key;
}

/** A dossier as stored, in any state (past the workflow); the receiving unit defaults to the unit. */
export type DossierFixture =
  Pick<DossierRow, 'code' | 'procedure_name' | 'working_days' | 'applicant_name' | 'channel' | 'status' | 'received_at' | 'due_date'>
  & Partial<Pick<DossierRow, 'receiving_unit_id' | 'procedure_code' | 'field' | 'source' | 'accepted_at' | 'result_at'>>;

/** Stores dossiers of a unit in one statement, with the given connection (a test's owner `t.db`). */
export async function insertDossiers(db: Kysely<any>, unitId: string, dossiers: DossierFixture[]): Promise<void> {
  await db.insertInto('dossiers').values(dossiers.map((d) => ({ unit_id: unitId, receiving_unit_id: unitId, ...d }))).execute();
}
