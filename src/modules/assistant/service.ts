import type { Kysely } from 'kysely';
import type { Config } from '../../core/config.js';
import { translator, type Lang } from '../../core/i18n.js';
import type { UnitInfo } from '../../core/types.js';
import { withUnit } from '../../core/tenancy.js';
import { findProcedure, searchCatalogue, type SearchHit } from '../catalogue/index.js';
import { composeAnswer, composeClarification, type UnitContact } from './answer.js';
import type { Citation, ProcedureFacts } from './facts.js';
import { askedIntents, detectIntent, type Intent } from './intent.js';
import { detectLanguage } from './language.js';
import { phraseWithModel, rewriteQuery } from './phrasing.js';
import { hybridRerank } from './vectors.js';
import { redact } from './redact.js';
import * as repo from './repo.js';

export const MAX_QUESTION_LENGTH = 500;

/**
 * The best hit is answered when its score reaches MIN_SCORE (calibrated in docs/assistant.md: the
 * weakest right answer of the evaluation scores above 20, questions outside the catalogue below 12);
 * near ties are answered too, with the runner-ups offered as "similar procedures".
 */
export const MIN_SCORE = 14;

/** Words that carry no topic in a follow-up ("còn phí thì sao?", "and the fee?"). */
const FOLLOW_UP_FILLERS = new Set(['con', 'thi', 'sao', 'the', 'vay', 'nhi', 'nua', 'a', 'ha', 'ak', 'nhe', 'nay', 'do', 'kia', 'no',
  'cai', 'viec', 'thu', 'tuc', 'ho', 'so', 'and', 'what', 'about', 'it', 'also', 'ok', 'oke', 'vậy', 'roi', 'the', 'thế', 'cho',
  'em', 'anh', 'chi', 'toi', 'minh', 'hoi', 'them', 'lai', 'is', 'there', 'any', 'do', 'i', 'need', 'for', 'this', 'that', 'one']);

export interface AskInput { question: string; conversationId?: string; lang: Lang }

export interface AskResult {
  answer: string;
  procedures: { id: string; slug: string; name: string; score: number; url: string }[];
  intent: Intent;
  intents: Intent[];
  citations: Citation[];
  conversation_id: string;
  question_id: string;
  confidence: repo.Confidence;
  lang: Lang;
  used_model: boolean;
}

export interface AssistantDeps { db: Kysely<any>; config: Config }

const unitContact = (u: UnitInfo): UnitContact => ({ name: u.name, address: u.address, hotline: u.hotline });
const pageUrl = (config: Config, unit: UnitInfo, slug: string) => `${config.publicUrl}/${unit.slug}/thu-tuc/${slug}`;

function isConfident(hits: SearchHit[]): boolean {
  return (hits[0]?.score ?? 0) >= MIN_SCORE;
}

async function retrieve(deps: AssistantDeps, unitId: string, query: string, original: string): Promise<SearchHit[]> {
  if (!query.trim()) return [];
  const { hits } = await searchCatalogue(deps.db, unitId, query, { limit: 5, offset: 0 });
  return deps.config.assistant.embeddings ? hybridRerank(deps, unitId, original, hits) : hits;
}

/**
 * Answers a citizen's question from the unit's published catalogue only: detects what is asked,
 * finds the procedure (or follows the conversation's last one), states the catalogue's facts, and
 * when unsure offers the top choices and the hotline. A language model, when configured, may only
 * rephrase; its answer is dropped when a number or the procedure name does not match the facts.
 */
export async function ask(deps: AssistantDeps, unit: UnitInfo, input: AskInput): Promise<AskResult> {
  const question = input.question.trim().slice(0, MAX_QUESTION_LENGTH);
  const lang = detectLanguage(question, input.lang);
  const t = translator(lang);
  const detected = detectIntent(question);
  const intents = askedIntents(detected);
  const known = input.conversationId
    ? await withUnit(deps.db, unit.id, (trx) => repo.findConversation(trx, unit.id, input.conversationId!))
    : null;
  const context = known?.procedureId ?? null;

  const isFollowUp = context !== null && detected.topicWords.every((w) => FOLLOW_UP_FILLERS.has(w));
  let hits = isFollowUp ? [] : await retrieve(deps, unit.id, question, question);
  if (!isFollowUp && !isConfident(hits) && deps.config.assistant.llm) {
    const rewritten = await rewriteQuery(deps.config.assistant.llm, question).catch(() => null);
    if (rewritten) {
      const again = await retrieve(deps, unit.id, rewritten, question);
      if (isConfident(again) || (again[0]?.score ?? 0) > (hits[0]?.score ?? 0)) hits = again;
    }
  }

  let chosen: ProcedureFacts | null = null;
  let confidence: repo.Confidence;
  if (isConfident(hits)) {
    chosen = await findProcedure(deps.db, unit.id, hits[0].id);
    confidence = chosen ? 'high' : 'none';
  } else if (context && (isFollowUp || detected.intent !== 'which-procedure')) {
    chosen = await findProcedure(deps.db, unit.id, context);
    confidence = chosen ? 'context' : 'none';
  } else {
    confidence = hits.length > 0 ? 'low' : 'none';
  }

  let composed = chosen
    ? composeAnswer(t, chosen, intents, unitContact(unit), pageUrl(deps.config, unit, chosen.slug))
    : composeClarification(t, hits.slice(0, 3), unitContact(unit));
  let usedModel = false;
  if (chosen && deps.config.assistant.llm) {
    const phrased = await phraseWithModel(deps.config.assistant.llm, lang, question, composed.text, chosen).catch(() => null);
    if (phrased) { composed = { ...composed, text: phrased }; usedModel = true; }
  }

  const procedures = chosen
    ? [{ id: chosen.id, slug: chosen.slug, name: chosen.name, score: hits[0]?.id === chosen.id ? hits[0].score : 0, url: pageUrl(deps.config, unit, chosen.slug) }]
    : [];
  for (const h of hits.slice(0, 3)) {
    if (!procedures.some((p) => p.id === h.id)) procedures.push({ id: h.id, slug: h.slug, name: h.name, score: h.score, url: pageUrl(deps.config, unit, h.slug) });
  }
  const { questionId, conversationId } = await withUnit(deps.db, unit.id, async (trx) => {
    const conversation = known ?? await repo.createConversation(trx, unit.id, lang);
    await repo.advanceConversation(trx, unit.id, conversation.id, chosen?.id ?? null, detected.intent, lang);
    const id = await repo.insertQuestion(trx, unit.id, {
      conversationId: conversation.id, question: redact(question), lang, intent: detected.intent,
      procedureIds: procedures.map((p) => p.id), topScore: hits[0]?.score ?? null, confidence, usedModel,
    });
    return { questionId: id, conversationId: conversation.id };
  });
  return {
    answer: composed.text, procedures: procedures.map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000 })),
    intent: detected.intent, intents, citations: composed.citations, conversation_id: conversationId, question_id: questionId,
    confidence, lang, used_model: usedModel,
  };
}

export async function rateAnswer(db: Kysely<any>, unitId: string, questionId: string, helpful: boolean): Promise<boolean> {
  return withUnit(db, unitId, (trx) => repo.markHelpful(trx, unitId, questionId, helpful));
}
