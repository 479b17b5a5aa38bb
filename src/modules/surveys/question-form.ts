import { checkDefinition, parseChoiceLines } from './definition.js';
import { DEFAULT_SCALE_LABELS, QUESTION_TYPES, type Question, type QuestionType, type Text } from './types.js';
import { str } from '../../core/http/forms.js';

/** The builder's plain form for one question (all strings, as posted). */
export interface QuestionForm {
  type?: string; text_vi?: string; text_en?: string; required?: string; index?: string;
  options?: string; rows?: string; scale_labels?: string;
}


function parseScaleLabels(text: string): Text[] | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return DEFAULT_SCALE_LABELS;
  return lines.map((l) => {
    const [vi, en] = l.split('|').map((s) => s.trim());
    return { vi, en: en ?? '' };
  });
}

/** Builds a question from the builder form; problems come back in Vietnamese. */
export function questionFromForm(
  body: QuestionForm, id: string,
): { ok: true; question: Question } | { ok: false; errors: string[] } {
  const type = str(body.type) as QuestionType;
  if (!QUESTION_TYPES.includes(type)) return { ok: false, errors: ['Loại câu hỏi không hợp lệ.'] };
  const q: Question = {
    id, type, required: str(body.required) === 'on' || str(body.required) === '1',
    text: { vi: str(body.text_vi).trim(), en: str(body.text_en).trim() },
  };
  if (type === 'single' || type === 'multiple') q.options = parseChoiceLines(str(body.options));
  if (type === 'matrix') q.rows = parseChoiceLines(str(body.rows));
  if (type === 'scale' || type === 'matrix') {
    q.scaleLabels = parseScaleLabels(str(body.scale_labels));
    q.index = str(body.index) === 'on' || str(body.index) === '1';
  }
  const problems = checkDefinition({ sections: [{ id: 'x', title: { vi: 'x', en: 'x' }, questions: [q] }] });
  return problems.length ? { ok: false, errors: problems.map((p) => p.message) } : { ok: true, question: q };
}

export const scaleLabelLines = (labels: Text[] | undefined): string =>
  (labels ?? DEFAULT_SCALE_LABELS).map((l) => `${l.vi} | ${l.en}`).join('\n');
