import { meanWithCi, type MeanSummary } from './stats.js';
import { DEFAULT_SCALE_LABELS, SCALE_MAX, SCALE_MIN, type Answers, type AnswerValue, type Question, type Text } from './types.js';

export interface StoredResponse { id: string; version: number; channel: string; submittedAt: Date; answers: Answers }

/** A category a question's answers fall into (an option or a scale point). */
export interface Category { id: string; label: Text }

export interface Tally { categories: Category[]; counts: number[]; answered: number; mean?: MeanSummary | null }

const SCALE_POINTS = [1, 2, 3, 4, 5];

export function categoriesOf(q: Question): Category[] {
  if (q.type === 'single' || q.type === 'multiple') return q.options ?? [];
  if (q.type === 'scale' || q.type === 'matrix') {
    const labels = q.scaleLabels ?? DEFAULT_SCALE_LABELS;
    return SCALE_POINTS.map((p, i) => ({ id: String(p), label: { vi: `${p} – ${labels[i].vi}`, en: `${p} – ${labels[i].en}` } }));
  }
  return [];
}

/** Category ids an answer belongs to ([] when unanswered). */
export function categoryIdsOf(q: Question, a: AnswerValue | undefined): string[] {
  if (a === undefined) return [];
  if (q.type === 'multiple' && Array.isArray(a)) return a;
  if (q.type === 'single' && typeof a === 'string') return [a];
  if (q.type === 'scale' && typeof a === 'number') return [String(a)];
  return [];
}

function tallyValues(categories: Category[], ids: string[][]): number[] {
  return categories.map((c) => ids.filter((list) => list.includes(c.id)).length);
}

/** Counts per category for choice and scale questions, with the mean for scales. */
export function tallyQuestion(q: Question, responses: StoredResponse[]): Tally {
  const categories = categoriesOf(q);
  const ids = responses.map((r) => categoryIdsOf(q, r.answers[q.id])).filter((l) => l.length > 0);
  const tally: Tally = { categories, counts: tallyValues(categories, ids), answered: ids.length };
  if (q.type === 'scale') tally.mean = meanWithCi(ids.map((l) => Number(l[0])));
  if (q.type === 'text') tally.answered = responses.filter((r) => typeof r.answers[q.id] === 'string').length;
  return tally;
}

/** One tally per matrix row (points 1..5). */
export function tallyMatrix(q: Question, responses: StoredResponse[]): { row: Category; tally: Tally }[] {
  const categories = categoriesOf(q);
  return (q.rows ?? []).map((row) => {
    const values = responses
      .map((r) => (r.answers[q.id] as Record<string, number> | undefined)?.[row.id])
      .filter((v): v is number => typeof v === 'number' && v >= SCALE_MIN && v <= SCALE_MAX);
    const counts = SCALE_POINTS.map((p) => values.filter((v) => v === p).length);
    return { row, tally: { categories, counts, answered: values.length, mean: meanWithCi(values) } };
  });
}

export interface CrossTab { rows: Category[]; cols: Category[]; cells: number[][]; rowTotals: number[]; colTotals: number[]; total: number }

/** Respondents counted in each (row category, column category) pair; multiple choices count once per option. */
export function crossTab(rowQ: Question, colQ: Question, responses: StoredResponse[]): CrossTab {
  const rows = categoriesOf(rowQ);
  const cols = categoriesOf(colQ);
  const cells = rows.map(() => cols.map(() => 0));
  let total = 0;
  for (const r of responses) {
    const ri = categoryIdsOf(rowQ, r.answers[rowQ.id]);
    const ci = categoryIdsOf(colQ, r.answers[colQ.id]);
    if (ri.length && ci.length) total++;
    for (const a of ri) for (const b of ci) {
      const i = rows.findIndex((c) => c.id === a);
      const j = cols.findIndex((c) => c.id === b);
      if (i >= 0 && j >= 0) cells[i][j]++;
    }
  }
  return {
    rows, cols, cells, total,
    rowTotals: cells.map((row) => row.reduce((a, b) => a + b, 0)),
    colTotals: cols.map((_, j) => cells.reduce((a, row) => a + row[j], 0)),
  };
}

export const crossTabbable = (q: Question): boolean => q.type === 'single' || q.type === 'multiple' || q.type === 'scale';

export interface TextAnswer { responseId: string; submittedAt: Date; text: string }

/** Free-text answers, newest first, one page at a time. */
export function textAnswers(q: Question, responses: StoredResponse[], page: number, perPage = 20) {
  const all: TextAnswer[] = responses
    .filter((r) => typeof r.answers[q.id] === 'string' && (r.answers[q.id] as string).length > 0)
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
    .map((r) => ({ responseId: r.id, submittedAt: r.submittedAt, text: r.answers[q.id] as string }));
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const p = Math.min(Math.max(1, page), pages);
  return { items: all.slice((p - 1) * perPage, p * perPage), page: p, pages, total: all.length };
}
