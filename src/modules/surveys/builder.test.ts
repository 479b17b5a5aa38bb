import { describe, expect, it } from 'vitest';
import { addQuestion, addSection, deleteQuestion, moveQuestion, moveSection, replaceQuestion } from './builder.js';
import { checkDefinition, parseChoiceLines, slugify } from './definition.js';
import { questionFromForm } from './question-form.js';
import { TEMPLATES } from './templates.js';
import { allQuestions, type Question, type SurveyDefinition } from './types.js';

const q = (id: string): Question => ({ id, type: 'text', text: { vi: id, en: id }, required: false });
const base = (): SurveyDefinition => ({
  sections: [
    { id: 'a', title: { vi: 'A', en: 'A' }, questions: [q('1'), q('2')] },
    { id: 'b', title: { vi: 'B', en: 'B' }, questions: [q('3')] },
  ],
});
const order = (d: SurveyDefinition) => d.sections.map((s) => s.questions.map((x) => x.id).join(''));

describe('builder edits', () => {
  it('moves questions within and across sections', () => {
    expect(order(moveQuestion(base(), '2', 'up'))).toEqual(['21', '3']);
    expect(order(moveQuestion(base(), '2', 'down'))).toEqual(['1', '23']);
    expect(order(moveQuestion(base(), '3', 'up'))).toEqual(['123', '']);
    expect(order(moveQuestion(base(), '1', 'up'))).toEqual(['12', '3']);
  });
  it('adds, replaces and deletes without touching the input', () => {
    const d = base();
    const added = addQuestion(addSection(d, { vi: 'C', en: 'C' }, 'c'), 'c', q('4'));
    expect(order(added)).toEqual(['12', '3', '4']);
    expect(order(deleteQuestion(added, '1'))).toEqual(['2', '3', '4']);
    expect(replaceQuestion(d, { ...q('2'), required: true }).sections[0].questions[1].required).toBe(true);
    expect(order(d)).toEqual(['12', '3']);
    expect(moveSection(d, 'b', 'up').sections.map((s) => s.id)).toEqual(['b', 'a']);
  });
});

describe('checkDefinition', () => {
  it('accepts both shipped templates with unique ids and both languages', () => {
    for (const t of TEMPLATES) {
      expect(checkDefinition(t.definition)).toEqual([]);
      expect(t.title.vi && t.title.en).toBeTruthy();
      expect(allQuestions(t.definition).some((x) => x.index)).toBe(true);
    }
  });
  it('explains missing English, duplicate ids and empty choices in Vietnamese', () => {
    const d = base();
    d.sections[0].questions.push({ id: '1', type: 'single', text: { vi: 'Câu', en: '' }, required: true, options: [] });
    const messages = checkDefinition(d).map((p) => p.message);
    expect(messages).toEqual([
      'Mã câu hỏi "1" bị trùng.',
      'Câu hỏi cần nội dung tiếng Việt và tiếng Anh.',
      'Cần ít nhất 2 phương án.',
    ]);
  });
});

describe('question form', () => {
  it('parses choices as "Tiếng Việt | English" lines', () => {
    expect(parseChoiceLines('Hộ tịch | Civil status\nĐất đai | Land\n')).toEqual([
      { id: 'ho-tich', label: { vi: 'Hộ tịch', en: 'Civil status' } },
      { id: 'dat-dai', label: { vi: 'Đất đai', en: 'Land' } },
    ]);
    expect(slugify('Đường Nguyễn Trãi')).toBe('duong-nguyen-trai');
  });
  it('builds a matrix question with default labels', () => {
    const r = questionFromForm({ type: 'matrix', text_vi: 'Đánh giá', text_en: 'Rate', rows: 'Sạch | Clean', required: 'on', index: 'on' }, 'q1');
    expect(r.ok && r.question).toMatchObject({ id: 'q1', type: 'matrix', required: true, index: true, rows: [{ id: 'sach' }] });
    expect(r.ok && r.question.scaleLabels?.length).toBe(5);
  });
  it('refuses an unknown type and a choice question without choices', () => {
    expect(questionFromForm({ type: 'dropdown' }, 'x')).toEqual({ ok: false, errors: ['Loại câu hỏi không hợp lệ.'] });
    const r = questionFromForm({ type: 'single', text_vi: 'Câu', text_en: 'Q', options: 'Một | One' }, 'x');
    expect(r).toEqual({ ok: false, errors: ['Cần ít nhất 2 phương án.'] });
  });
});
