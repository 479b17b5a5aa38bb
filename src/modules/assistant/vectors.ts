import type { Kysely } from 'kysely';
import type { Config } from '../../core/config.js';
import { withUnit } from '../../core/tenancy.js';
import { listProcedures, type SearchHit } from '../catalogue/index.js';
import { cosine, embed } from './model-client.js';
import { loadVectors, saveVector } from './repo.js';

/** Weight of the embedding similarity (0–1) against the lexical score in the hybrid ranking. */
export const VECTOR_WEIGHT = 4;

const procedureText = (p: { name: string; nameEn: string | null; field: string; keywords: string[] }) =>
  [p.name, p.nameEn ?? '', p.field, ...p.keywords.slice(0, 20)].join('. ');

/**
 * Embeds the procedures whose vector is missing or older than the procedure (stored per unit and
 * model, in PostgreSQL as real[]; scored in process — a ward's catalogue is a few hundred rows).
 */
export async function refreshVectors(deps: { db: Kysely<any>; config: Config }, unitId: string) {
  const ep = deps.config.assistant.embeddings!;
  const [procedures, stored] = await Promise.all([
    listProcedures(deps.db, unitId),
    withUnit(deps.db, unitId, (trx) => loadVectors(trx, unitId, ep.model)),
  ]);
  const stale = procedures.filter((p) => stored.get(p.id)?.version !== p.version);
  for (let i = 0; i < stale.length; i += 64) {
    const batch = stale.slice(i, i + 64);
    const vectors = await embed(ep, batch.map(procedureText));
    await withUnit(deps.db, unitId, async (trx) => {
      for (const [k, p] of batch.entries()) {
        await saveVector(trx, unitId, p.id, ep.model, p.version, vectors[k]);
        stored.set(p.id, { version: p.version, vector: vectors[k] });
      }
    });
  }
  return { procedures, vectors: new Map([...stored].map(([id, v]) => [id, v.vector])) };
}

/**
 * Hybrid ranking: lexical score + VECTOR_WEIGHT × cosine(question, procedure) over the lexical
 * candidates; when the words found nothing, the nearest procedures by vector are the candidates.
 * An endpoint that fails leaves the lexical order.
 */
export async function hybridRerank(deps: { db: Kysely<any>; config: Config }, unitId: string, question: string, hits: SearchHit[]): Promise<SearchHit[]> {
  try {
    const { procedures, vectors } = await refreshVectors(deps, unitId);
    const [q] = await embed(deps.config.assistant.embeddings!, [question]);
    const similarity = (id: string) => Math.max(0, cosine(q, vectors.get(id) ?? []));
    const pool: SearchHit[] = hits.length > 0 ? hits : procedures.map((p) => ({
      id: p.id, slug: p.slug, name: p.name, field: p.field, processingValue: p.processing.value, processingUnit: p.processing.unit,
      feeAmount: p.fee.amount, feeUnit: p.fee.unit, feeTiers: p.fee.tiers, needsReview: p.needsReview, score: 0,
    }));
    return pool.map((h) => ({ ...h, score: h.score + VECTOR_WEIGHT * similarity(h.id) }))
      .sort((a, b) => b.score - a.score).slice(0, 5);
  } catch {
    return hits;
  }
}
