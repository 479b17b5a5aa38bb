import { meanWithCi, round, scaleTo100, wilson, type Interval } from './stats.js';
import { allQuestions, type Answers, type SurveyDefinition } from './types.js';

/** One respondent's scale answers on the questions flagged `index` (1..5 each). */
export function indexItems(def: SurveyDefinition, answers: Answers): number[] {
  const out: number[] = [];
  for (const q of allQuestions(def)) {
    if (!q.index) continue;
    const a = answers[q.id];
    if (q.type === 'scale' && typeof a === 'number') out.push(a);
    if (q.type === 'matrix' && a && typeof a === 'object' && !Array.isArray(a)) {
      out.push(...Object.values(a as Record<string, number>));
    }
  }
  return out;
}

/** A respondent is "satisfied" when the mean of their index items is at least 4 (Hài lòng). */
export const SATISFIED_THRESHOLD = 4;

export interface SatisfactionIndex {
  /** Respondents with at least one index answer. */
  respondents: number;
  /** Mean respondent score on 0–100 (1 → 0, 5 → 100), with its 95 % t interval. */
  index: number | null;
  indexCi: Interval | null;
  /** Share (0–100) of respondents whose mean is ≥ 4, with its 95 % Wilson interval. */
  satisfiedShare: number | null;
  satisfiedCi: Interval | null;
}

const pct = (i: Interval | null, scale: number): Interval | null =>
  i && { low: round(i.low * scale), high: round(i.high * scale) };

/**
 * Satisfaction index as defined in docs/satisfaction-index.md.
 * Each response is scored by the mean of its index items; responses without any are skipped.
 */
export function computeSatisfactionIndex(
  responses: { definition: SurveyDefinition; answers: Answers }[],
): SatisfactionIndex {
  const means = responses
    .map((r) => indexItems(r.definition, r.answers))
    .filter((items) => items.length > 0)
    .map((items) => items.reduce((a, b) => a + b, 0) / items.length);
  const scores = means.map(scaleTo100);
  const m = meanWithCi(scores);
  const satisfied = means.filter((x) => x >= SATISFIED_THRESHOLD).length;
  const w = wilson(satisfied, means.length);
  return {
    respondents: means.length,
    index: m ? round(m.mean) : null,
    indexCi: m?.ci ? { low: round(Math.max(0, m.ci.low)), high: round(Math.min(100, m.ci.high)) } : null,
    satisfiedShare: means.length ? round((satisfied / means.length) * 100) : null,
    satisfiedCi: pct(w, 100),
  };
}
