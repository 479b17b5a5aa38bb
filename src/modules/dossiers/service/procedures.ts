import type { Kysely } from 'kysely';
import { foldDiacritics } from '../../../lib/vn-text/index.js';
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

/**
 * The unit's procedures matching a search, best first: the public catalogue's search (words with or
 * without Vietnamese marks, synonyms); for the shipped reference list, every folded word must
 * appear in the folded name or field.
 */
export async function searchUnitProcedures(db: Kysely<any>, unitId: string, query: string): Promise<ProcedureChoice[]> {
  const all = await unitProcedures(db, unitId);
  const q = query.trim();
  if (!q) return all;
  const catalogue = provider('procedureCatalogue');
  const slugs = catalogue ? await catalogue.searchProcedureSlugs(db, unitId, q, 30) : [];
  const bySlug = new Map(all.map((p) => [p.key, p]));
  const found = slugs.map((s) => bySlug.get(s)).filter((p): p is ProcedureChoice => !!p);
  if (found.length) return found;
  const words = foldDiacritics(q).toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((p) => words.every((w) => foldDiacritics(`${p.name} ${p.field}`).toLowerCase().includes(w)));
}
