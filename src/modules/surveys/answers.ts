import type { AnswerError, AnswerErrorCode } from './answer-errors.js';
import {
  allQuestions, SCALE_MAX, SCALE_MIN,
  type Answers, type AnswerValue, type Question, type SurveyDefinition,
} from './types.js';

export const MAX_TEXT_LENGTH = 2000;

type Check = { value?: AnswerValue; error?: AnswerErrorCode };

const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function toScale(v: unknown): Check {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n)) return { error: 'notANumber' };
  if (n < SCALE_MIN || n > SCALE_MAX) return { error: 'outOfRange' };
  return { value: n };
}

function checkSingle(q: Question, v: unknown): Check {
  if (Array.isArray(v)) return { error: 'notOneOption' };
  const ids = (q.options ?? []).map((o) => o.id);
  return ids.includes(String(v)) ? { value: String(v) } : { error: 'unknownOption' };
}

function checkMultiple(q: Question, v: unknown): Check {
  const list = (Array.isArray(v) ? v : [v]).map(String);
  const ids = (q.options ?? []).map((o) => o.id);
  if (list.some((x) => !ids.includes(x))) return { error: 'unknownOption' };
  return { value: ids.filter((id) => list.includes(id)) };
}

function checkText(v: unknown): Check {
  if (typeof v !== 'string') return { error: 'notText' };
  const text = v.trim();
  if (text.length > MAX_TEXT_LENGTH) return { error: 'tooLong' };
  return { value: text };
}

function checkMatrix(q: Question, v: unknown): Check {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { error: 'notANumber' };
  const rows = q.rows ?? [];
  const given = Object.entries(v as Record<string, unknown>).filter(([, x]) => !isBlank(x));
  if (given.some(([id]) => !rows.some((r) => r.id === id))) return { error: 'unknownRow' };
  const out: Record<string, number> = {};
  for (const [id, x] of given) {
    const c = toScale(x);
    if (c.error) return c;
    out[id] = c.value as number;
  }
  if (q.required && Object.keys(out).length < rows.length) return { error: 'required' };
  return { value: out };
}

function checkQuestion(q: Question, v: unknown): Check {
  switch (q.type) {
    case 'single': return checkSingle(q, v);
    case 'multiple': return checkMultiple(q, v);
    case 'scale': return toScale(v);
    case 'text': return checkText(v);
    case 'matrix': return checkMatrix(q, v);
  }
}

const isEmptyAnswer = (v: AnswerValue | undefined): boolean =>
  v === undefined || isBlank(v) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

export type AnswerCheck =
  | { ok: true; answers: Answers }
  | { ok: false; errors: AnswerError[] };

/**
 * Checks raw answers (question id → value) against a survey definition: required questions,
 * scale ranges (1–5), option and row ids. Unknown question ids are refused.
 * validateAnswers(def, { q1: '4' }) → { ok: true, answers: { q1: 4 } }
 */
export function validateAnswers(def: SurveyDefinition, raw: Record<string, unknown>): AnswerCheck {
  const questions = allQuestions(def);
  const errors: AnswerError[] = Object.keys(raw)
    .filter((id) => !questions.some((q) => q.id === id))
    .map((questionId) => ({ questionId, code: 'unknownQuestion' as const }));
  const answers: Answers = {};
  for (const q of questions) {
    const v = raw[q.id];
    if (isBlank(v)) {
      if (q.required) errors.push({ questionId: q.id, code: 'required' });
      continue;
    }
    const c = checkQuestion(q, v);
    if (c.error) errors.push({ questionId: q.id, code: c.error });
    else if (isEmptyAnswer(c.value)) {
      if (q.required) errors.push({ questionId: q.id, code: 'required' });
    } else answers[q.id] = c.value as AnswerValue;
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers };
}

/**
 * Reads a urlencoded form: `q_<id>` for single/multiple/scale/text, `q_<id>__<row>` for matrix rows.
 */
export function answersFromForm(def: SurveyDefinition, body: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const q of allQuestions(def)) {
    if (q.type === 'matrix') {
      const m: Record<string, unknown> = {};
      for (const r of q.rows ?? []) {
        const v = body[`q_${q.id}__${r.id}`];
        if (!isBlank(v)) m[r.id] = v;
      }
      if (Object.keys(m).length) raw[q.id] = m;
    } else if (!isBlank(body[`q_${q.id}`])) raw[q.id] = body[`q_${q.id}`];
  }
  return raw;
}
