import { describe, expect, it } from 'vitest';
import { crossTab, tallyMatrix, tallyQuestion, textAnswers, type StoredResponse } from './results.js';
import type { Question } from './types.js';

const t = (vi: string) => ({ vi, en: vi });
const gender: Question = { id: 'g', type: 'single', text: t('Giới'), required: false, options: [{ id: 'nam', label: t('Nam') }, { id: 'nu', label: t('Nữ') }] };
const score: Question = { id: 's', type: 'scale', text: t('Điểm'), required: false };
const pick: Question = { id: 'm', type: 'multiple', text: t('Chọn'), required: false, options: [{ id: 'a', label: t('A') }, { id: 'b', label: t('B') }] };
const grid: Question = { id: 'x', type: 'matrix', text: t('Bảng'), required: false, rows: [{ id: 'r', label: t('R') }] };
const note: Question = { id: 'n', type: 'text', text: t('Ý kiến'), required: false };

const resp = (i: number, answers: StoredResponse['answers']): StoredResponse =>
  ({ id: `r${i}`, version: 1, channel: 'online', submittedAt: new Date(Date.UTC(2026, 0, i)), answers });
const rs = [
  resp(1, { g: 'nam', s: 5, m: ['a', 'b'], x: { r: 4 }, n: 'Tốt' }),
  resp(2, { g: 'nu', s: 4, m: ['a'], x: { r: 2 } }),
  resp(3, { g: 'nu', s: 2, n: 'Chậm' }),
  resp(4, { s: 5 }),
];

describe('tallies', () => {
  it('counts choices and scale points with a mean', () => {
    expect(tallyQuestion(gender, rs)).toMatchObject({ counts: [1, 2], answered: 3 });
    const s = tallyQuestion(score, rs);
    expect(s.counts).toEqual([0, 1, 0, 1, 2]);
    expect(s.mean!.mean).toBe(4);
    expect(tallyQuestion(pick, rs).counts).toEqual([2, 1]);
    expect(tallyQuestion(note, rs).answered).toBe(2);
  });
  it('counts matrix rows', () => {
    const [row] = tallyMatrix(grid, rs);
    expect(row.tally.counts).toEqual([0, 1, 0, 1, 0]);
    expect(row.tally.mean!.mean).toBe(3);
  });
});

describe('crossTab', () => {
  it('crosses two questions with totals', () => {
    const c = crossTab(gender, score, rs);
    expect(c.cells).toEqual([[0, 0, 0, 0, 1], [0, 1, 0, 1, 0]]);
    expect(c.rowTotals).toEqual([1, 2]);
    expect(c.colTotals).toEqual([0, 1, 0, 1, 1]);
    expect(c.total).toBe(3);
  });
  it('counts each chosen option of a multiple question', () => {
    expect(crossTab(pick, gender, rs).cells).toEqual([[1, 1], [1, 0]]);
  });
});

describe('textAnswers', () => {
  it('lists newest first with pages', () => {
    const p1 = textAnswers(note, rs, 1, 1);
    expect(p1).toMatchObject({ page: 1, pages: 2, total: 2 });
    expect(p1.items[0].text).toBe('Chậm');
    expect(textAnswers(note, rs, 9, 1).items[0].text).toBe('Tốt');
  });
});
