import type { Kysely } from 'kysely';
import { provider } from '../../../core/providers.js';
import { limitOfProcessing, procedureChoices, type ProcedureChoice } from '../domain/procedures.js';

/**
 * Procedures the unit offers, from the catalogue module's `procedureCatalogue` provider (published
 * procedures of the unit); the shipped reference list when the unit has not published a catalogue
 * yet or the catalogue module is not installed. An error of the catalogue surfaces.
 */
export async function unitProcedures(db: Kysely<any>, unitId: string): Promise<ProcedureChoice[]> {
  const catalogue = provider('procedureCatalogue');
  const rows = catalogue ? await catalogue.listProcedures(db, unitId) : [];
  if (!rows.length) return procedureChoices();
  return rows.map((p) => {
    const { limit, cutoff } = limitOfProcessing(p.processing, p.field);
    return { key: p.slug, name: p.name, field: p.field, documents: p.documents, workingDays: limit.value, limit, cutoff };
  });
}

export async function resolveProcedure(db: Kysely<any>, unitId: string, key: string): Promise<ProcedureChoice | null> {
  const list = await unitProcedures(db, unitId);
  return list.find((p) => p.key === key) ?? procedureChoices().find((p) => p.key === key) ?? null;
}
