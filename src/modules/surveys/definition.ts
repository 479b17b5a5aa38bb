import { allQuestions, SCALE_MAX, type Choice, type Question, type SurveyDefinition, type Text } from './types.js';

/** Problems that make a survey definition unpublishable, in Vietnamese. */
export interface DefinitionProblem { path: string; message: string }

const missingText = (t: Text | undefined): boolean => !t || !t.vi?.trim() || !t.en?.trim();

function checkChoices(path: string, list: Choice[] | undefined, what: string, min: number): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  if (!list || list.length < min) out.push({ path, message: `Cần ít nhất ${min} ${what}.` });
  const ids = new Set<string>();
  for (const c of list ?? []) {
    if (ids.has(c.id)) out.push({ path, message: `Mã ${what} "${c.id}" bị trùng.` });
    ids.add(c.id);
    if (missingText(c.label)) out.push({ path, message: `Mỗi ${what} cần nội dung tiếng Việt và tiếng Anh.` });
  }
  return out;
}

function checkQuestion(q: Question): DefinitionProblem[] {
  const path = `question:${q.id}`;
  const out: DefinitionProblem[] = [];
  if (missingText(q.text)) out.push({ path, message: 'Câu hỏi cần nội dung tiếng Việt và tiếng Anh.' });
  if (q.type === 'single' || q.type === 'multiple') out.push(...checkChoices(path, q.options, 'phương án', 2));
  if (q.type === 'matrix') out.push(...checkChoices(path, q.rows, 'dòng', 1));
  if ((q.type === 'scale' || q.type === 'matrix') && q.scaleLabels) {
    if (q.scaleLabels.length !== SCALE_MAX || q.scaleLabels.some(missingText)) {
      out.push({ path, message: 'Thang điểm cần đủ 5 nhãn tiếng Việt và tiếng Anh.' });
    }
  }
  return out;
}

/** Everything a survey must satisfy before it is published. */
export function checkDefinition(def: SurveyDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  if (def.sections.length === 0) out.push({ path: 'survey', message: 'Phiếu khảo sát cần ít nhất một phần.' });
  for (const s of def.sections) {
    if (missingText(s.title)) out.push({ path: `section:${s.id}`, message: 'Tên phần cần tiếng Việt và tiếng Anh.' });
  }
  const questions = allQuestions(def);
  if (questions.length === 0) out.push({ path: 'survey', message: 'Phiếu khảo sát cần ít nhất một câu hỏi.' });
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) out.push({ path: `question:${q.id}`, message: `Mã câu hỏi "${q.id}" bị trùng.` });
    seen.add(q.id);
    out.push(...checkQuestion(q));
  }
  return out;
}

/** Folds Vietnamese to a lowercase ASCII slug: "Hộ tịch" → "ho-tich". */
export function slugify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/** Parses lines "Tiếng Việt | English" into choices whose ids are slugs of the Vietnamese label. */
export function parseChoiceLines(text: string): Choice[] {
  const used = new Set<string>();
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((line, i) => {
    const [vi, en] = line.split('|').map((s) => s.trim());
    let id = slugify(vi) || `o${i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    return { id, label: { vi, en: en || '' } };
  });
}

export const choiceLines = (list: Choice[] | undefined): string =>
  (list ?? []).map((c) => `${c.label.vi} | ${c.label.en}`).join('\n');
