import type { Kysely } from 'kysely';
import { foldDiacritics } from '../../../lib/vn-text/index.js';
import { listProcedures, searchCatalogue } from '../../catalogue/index.js';
import { procedureChoices, type ProcedureChoice } from '../domain/procedures.js';

/**
 * Procedures the unit offers, from the catalogue module (published procedures of the unit);
 * the shipped reference list when the unit has not published a catalogue yet.
 */
export async function unitProcedures(db: Kysely<any>, unitId: string): Promise<ProcedureChoice[]> {
  const rows = await listProcedures(db, unitId).catch(() => []);
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

/**
 * The unit's procedures matching a search, best first: the public catalogue's search (words with or
 * without Vietnamese marks, synonyms); for the shipped reference list, every folded word must
 * appear in the folded name or field.
 */
export async function searchUnitProcedures(db: Kysely<any>, unitId: string, query: string): Promise<ProcedureChoice[]> {
  const all = await unitProcedures(db, unitId);
  const q = query.trim();
  if (!q) return all;
  const hits = await searchCatalogue(db, unitId, q, { limit: 30, offset: 0 }).then((r) => r.hits).catch(() => []);
  const bySlug = new Map(all.map((p) => [p.key, p]));
  const found = hits.map((h) => bySlug.get(h.slug)).filter((p): p is ProcedureChoice => !!p);
  if (found.length) return found;
  const words = foldDiacritics(q).toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((p) => words.every((w) => foldDiacritics(`${p.name} ${p.field}`).toLowerCase().includes(w)));
}
