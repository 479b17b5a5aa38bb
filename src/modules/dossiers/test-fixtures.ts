import type { Kysely } from 'kysely';
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
