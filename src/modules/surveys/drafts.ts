import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SurveyDefinition } from './types.js';

/** The random id a form carries in its `nhap` field; only its HMAC is stored. */
export const newDraftId = (): string => randomBytes(18).toString('base64url');
const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/;
export const isDraftId = (v: unknown): v is string => typeof v === 'string' && DRAFT_ID.test(v);
export const draftKey = (secret: string, surveyId: string, id: string): string =>
  createHmac('sha256', secret).update(`draft:${surveyId}:${id}`).digest('base64url');

/**
 * The number of points of the scale behind a form field (`q_<id>` for a scale question,
 * `q_<id>__<row>` for a matrix row), or null when the field is not a scale.
 */
export function scalePoints(def: SurveyDefinition, field: string): number | null {
  if (!field.startsWith('q_')) return null;
  const [id, row] = field.slice(2).split('__', 2);
  const q = def.sections.flatMap((s) => s.questions).find((x) => x.id === id);
  if (!q) return null;
  const points = q.scaleLabels?.length ?? 5;
  if (q.type === 'scale' && row === undefined) return points;
  if (q.type === 'matrix' && row !== undefined && (q.rows ?? []).some((r) => r.id === row)) return points;
  return null;
}

/** Saves one scale answer of a draft (insert on the first tap, replace on later taps). */
export async function saveDraftAnswer(
  trx: Kysely<any>, unitId: string, surveyId: string, key: string, field: string, value: number,
): Promise<void> {
  await sql`
    insert into survey_response_drafts (unit_id, survey_id, draft_key, answers)
    values (${unitId}, ${surveyId}, ${key}, jsonb_build_object(${field}::text, ${value}::int))
    on conflict (unit_id, survey_id, draft_key) do update
      set answers = survey_response_drafts.answers || excluded.answers, updated_at = now()`.execute(trx);
}

export async function readDraft(trx: Kysely<any>, unitId: string, surveyId: string, key: string): Promise<Record<string, number> | null> {
  const { rows } = await sql<{ answers: Record<string, number> }>`
    select answers from survey_response_drafts where unit_id = ${unitId} and survey_id = ${surveyId} and draft_key = ${key}`.execute(trx);
  return rows[0]?.answers ?? null;
}

export async function deleteDraft(trx: Kysely<any>, unitId: string, surveyId: string, key: string): Promise<void> {
  await sql`delete from survey_response_drafts where unit_id = ${unitId} and survey_id = ${surveyId} and draft_key = ${key}`.execute(trx);
}
