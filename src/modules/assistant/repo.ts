import { sql, type Kysely, type Transaction } from 'kysely';
import type { Lang } from '../../core/i18n.js';
import type { Intent } from './intent.js';

type Db = Kysely<any> | Transaction<any>;

export type Confidence = 'high' | 'context' | 'low' | 'none';

export interface Conversation { id: string; procedureId: string | null; intent: Intent | null; lang: Lang; turns: number }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findConversation(db: Db, unitId: string, id: string): Promise<Conversation | null> {
  if (!UUID.test(id)) return null;
  const r = await db.selectFrom('assistant_conversations').select(['id', 'procedure_id', 'intent', 'lang', 'turns'])
    .where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, procedureId: r.procedure_id, intent: r.intent, lang: r.lang, turns: r.turns } : null;
}

export async function createConversation(db: Db, unitId: string, lang: Lang): Promise<Conversation> {
  const r = await db.insertInto('assistant_conversations').values({ unit_id: unitId, lang }).returning(['id']).executeTakeFirstOrThrow();
  return { id: r.id, procedureId: null, intent: null, lang, turns: 0 };
}

export async function advanceConversation(db: Db, unitId: string, id: string, procedureId: string | null, intent: Intent, lang: Lang) {
  await db.updateTable('assistant_conversations')
    .set({ procedure_id: sql`coalesce(${procedureId}::uuid, procedure_id)`, intent, lang, turns: sql`turns + 1`, updated_at: sql`now()` })
    .where('unit_id', '=', unitId).where('id', '=', id).execute();
}

export interface QuestionRecord {
  conversationId: string; question: string; lang: Lang; intent: Intent; procedureIds: string[];
  topScore: number | null; confidence: Confidence; usedModel: boolean;
}

export async function insertQuestion(db: Db, unitId: string, q: QuestionRecord): Promise<string> {
  const r = await db.insertInto('assistant_questions').values({
    unit_id: unitId, conversation_id: q.conversationId, question: q.question, lang: q.lang, intent: q.intent,
    procedure_ids: q.procedureIds, top_score: q.topScore, confidence: q.confidence, used_model: q.usedModel,
  }).returning(['id']).executeTakeFirstOrThrow();
  return r.id;
}

/** Marks an answer helpful or not; false when the question is unknown. */
export async function markHelpful(db: Db, unitId: string, id: string, helpful: boolean): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const r = await db.updateTable('assistant_questions').set({ helpful }).where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface ReviewRow {
  id: string; question: string; lang: Lang; intent: Intent; confidence: Confidence; helpful: boolean | null;
  procedureIds: string[]; createdAt: Date;
}

export type ReviewFilter = 'unanswered' | 'unhelpful' | 'all';

/** Questions staff should look at: not answered with confidence, or marked unhelpful. */
export async function listForReview(db: Db, unitId: string, filter: ReviewFilter, limit: number, offset: number) {
  let q = db.selectFrom('assistant_questions').where('unit_id', '=', unitId);
  if (filter === 'unanswered') q = q.where('confidence', 'in', ['low', 'none']);
  if (filter === 'unhelpful') q = q.where('helpful', '=', false);
  const [rows, count] = await Promise.all([
    q.select(['id', 'question', 'lang', 'intent', 'confidence', 'helpful', 'procedure_ids', 'created_at'])
      .orderBy('created_at', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r: any): ReviewRow => ({
      id: r.id, question: r.question, lang: r.lang, intent: r.intent, confidence: r.confidence, helpful: r.helpful,
      procedureIds: r.procedure_ids, createdAt: r.created_at,
    })),
  };
}

export interface QuestionStats { total: number; answered: number; helpful: number; unhelpful: number }

export async function questionStats(db: Db, unitId: string, from: Date, to: Date): Promise<QuestionStats> {
  const r = await db.selectFrom('assistant_questions').where('unit_id', '=', unitId)
    .where('created_at', '>=', from).where('created_at', '<', to)
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where confidence in ('high', 'context'))::int`.as('answered'),
      sql<number>`count(*) filter (where helpful)::int`.as('helpful'),
      sql<number>`count(*) filter (where helpful = false)::int`.as('unhelpful'),
    ]).executeTakeFirstOrThrow();
  return { total: r.total, answered: r.answered, helpful: r.helpful, unhelpful: r.unhelpful };
}

// Vectors of the optional embeddings endpoint.
export async function loadVectors(db: Db, unitId: string, model: string): Promise<Map<string, { version: number; vector: number[] }>> {
  const rows = await db.selectFrom('assistant_vectors').select(['procedure_id', 'version', 'vector'])
    .where('unit_id', '=', unitId).where('model', '=', model).execute();
  return new Map(rows.map((r: any) => [r.procedure_id, { version: r.version, vector: r.vector.map(Number) }]));
}

export async function saveVector(db: Db, unitId: string, procedureId: string, model: string, version: number, vector: number[]) {
  await db.insertInto('assistant_vectors').values({ unit_id: unitId, procedure_id: procedureId, model, version, vector })
    .onConflict((oc) => oc.columns(['unit_id', 'procedure_id', 'model']).doUpdateSet({ version, vector })).execute();
}
