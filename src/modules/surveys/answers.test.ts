import { describe, expect, it } from 'vitest';
import { answerErrorMessage } from './answer-errors.js';
import { answersFromForm, validateAnswers } from './answers.js';
import type { SurveyDefinition } from './types.js';

const t = (vi: string) => ({ vi, en: vi });
const def: SurveyDefinition = {
  sections: [{
    id: 's', title: t('Phần 1'),
    questions: [
      { id: 'chan', type: 'single', text: t('Kênh'), required: true, options: [{ id: 'a', label: t('A') }, { id: 'b', label: t('B') }] },
      { id: 'many', type: 'multiple', text: t('Nhiều'), required: false, options: [{ id: 'x', label: t('X') }, { id: 'y', label: t('Y') }] },
      { id: 'score', type: 'scale', text: t('Điểm'), required: true },
      { id: 'note', type: 'text', text: t('Ý kiến'), required: false },
      { id: 'grid', type: 'matrix', text: t('Bảng'), required: true, rows: [{ id: 'r1', label: t('R1') }, { id: 'r2', label: t('R2') }] },
    ],
  }],
};
const good = { chan: 'a', many: ['y', 'x'], score: '5', note: '  Tốt  ', grid: { r1: '4', r2: 3 } };

describe('validateAnswers', () => {
  it('accepts and normalises a complete answer set', () => {
    expect(validateAnswers(def, good)).toEqual({
      ok: true, answers: { chan: 'a', many: ['x', 'y'], score: 5, note: 'Tốt', grid: { r1: 4, r2: 3 } },
    });
  });
  it('requires required questions, including every matrix row', () => {
    const r = validateAnswers(def, { grid: { r1: 4 } });
    expect(r).toEqual({ ok: false, errors: [
      { questionId: 'chan', code: 'required' },
      { questionId: 'score', code: 'required' },
      { questionId: 'grid', code: 'required' },
    ] });
  });
  it('refuses out-of-range scores, unknown options, rows and questions', () => {
    const r = validateAnswers(def, { ...good, score: 6, chan: 'z', many: ['x', 'q'], grid: { r1: 4, r2: 4, r9: 1 }, evil: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { questionId: 'evil', code: 'unknownQuestion' },
      { questionId: 'chan', code: 'unknownOption' },
      { questionId: 'many', code: 'unknownOption' },
      { questionId: 'score', code: 'outOfRange' },
      { questionId: 'grid', code: 'unknownRow' },
    ]);
  });
  it('refuses non-integer scores, two single choices and overlong text', () => {
    const r = validateAnswers(def, { ...good, score: '4.5', chan: ['a', 'b'], note: 'x'.repeat(2001) });
    expect(r.ok || r.errors.map((e) => e.code)).toEqual(['notOneOption', 'notANumber', 'tooLong']);
  });
  it('explains errors in Vietnamese first', () => {
    expect(answerErrorMessage('required')).toBe('Vui lòng trả lời câu hỏi bắt buộc này.');
    expect(answerErrorMessage('outOfRange', 'vi')).toBe('Điểm phải nằm trong khoảng từ 1 đến 5.');
    expect(answerErrorMessage('outOfRange', 'en')).toBe('The score must be between 1 and 5.');
  });
});

describe('answersFromForm', () => {
  it('reads plain form fields and matrix rows', () => {
    const body = { q_chan: 'b', q_many: 'x', q_score: '3', q_note: '', q_grid__r1: '5', q_grid__r2: '2', _csrf: 'x' };
    expect(answersFromForm(def, body)).toEqual({ chan: 'b', many: 'x', score: '3', grid: { r1: '5', r2: '2' } });
    expect(validateAnswers(def, answersFromForm(def, body)).ok).toBe(true);
  });
});
