import { describe, expect, it } from 'vitest';
import { computeSatisfactionIndex, indexItems } from './satisfaction.js';
import type { Answers, SurveyDefinition } from './types.js';

const def: SurveyDefinition = {
  sections: [{
    id: 's1', title: { vi: 'Chung', en: 'General' },
    questions: [
      { id: 'overall', type: 'scale', text: { vi: 'Hài lòng chung', en: 'Overall' }, required: true, index: true },
      { id: 'staff', type: 'matrix', text: { vi: 'Công chức', en: 'Officials' }, required: false, index: true,
        rows: [{ id: 'polite', label: { vi: 'Lịch sự', en: 'Polite' } }, { id: 'helpful', label: { vi: 'Tận tình', en: 'Helpful' } }] },
      { id: 'age', type: 'scale', text: { vi: 'Không tính', en: 'Not counted' }, required: false },
    ],
  }],
};

describe('indexItems', () => {
  it('collects flagged scale and matrix answers only', () => {
    expect(indexItems(def, { overall: 5, staff: { polite: 4, helpful: 3 }, age: 1 })).toEqual([5, 4, 3]);
  });
});

describe('computeSatisfactionIndex', () => {
  it('scores known responses', () => {
    // respondent means: 5, 4, 3 (from 4,4,1), 2 → scores 100, 75, 50, 25
    const rs = [
      { overall: 5 },
      { overall: 4, staff: { polite: 4, helpful: 4 } },
      { overall: 4, staff: { polite: 4, helpful: 1 } },
      { overall: 2 },
      { age: 3 }, // no index item → skipped
    ].map((answers) => ({ definition: def, answers: answers as unknown as Answers }));
    const r = computeSatisfactionIndex(rs);
    expect(r.respondents).toBe(4);
    expect(r.index).toBe(62.5);
    // sd of 100,75,50,25 = 32.275; se = 16.137; t(3) = 3.182 → ±51.35 → clipped
    expect(r.indexCi).toEqual({ low: 11.2, high: 100 });
    expect(r.satisfiedShare).toBe(50);
    // wilson(2, 4) = [0.1500, 0.8500]
    expect(r.satisfiedCi).toEqual({ low: 15, high: 85 });
  });
  it('is empty without responses', () => {
    expect(computeSatisfactionIndex([])).toEqual({
      respondents: 0, index: null, indexCi: null, satisfiedShare: null, satisfiedCi: null,
    });
  });
});
