import type { Kysely } from 'kysely';
import { provider } from '../../../core/providers.js';
import { procedureChoices, type ProcedureChoice } from '../domain/procedures.js';

/**
 * Procedures the unit offers, from the catalogue module's `procedureCatalogue` provider (published
 * procedures of the unit); the shipped reference list when the unit has not published a catalogue
 * yet or the catalogue module is not installed. An error of the catalogue surfaces.
 */
export async function unitProcedures(db: Kysely<any>, unitId: string): Promise<ProcedureChoice[]> {
  const catalogue = provider('procedureCatalogue');
  const rows = catalogue ? await catalogue.listProcedures(db, unitId) : [];
  if (!rows.length) return procedureChoices();
  return rows.map((p) => ({
    key: p.slug, name: p.name, field: p.field, documents: p.documents,
    workingDays: p.processing.unit === 'immediate' ? 0 : Math.max(0, Math.round(p.processing.value)),
  }));
}

export async function resolveProcedure(db: Kysely<any>, unitId: string, key: string): Promise<ProcedureChoice | null> {
  const list = await unitProcedures(db, unitId);
  return list.find((p) => p.key === key) ?? procedureChoices().find((p) => p.key === key) ?? null;
}
