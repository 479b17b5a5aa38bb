import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { parseRubric } from './schema.js';

describe('parseRubric', () => {
  it('accepts the default rubric as a city rubric', () => {
    const { key: _k, version: _v, ...body } = DEFAULT_RUBRIC;
    const r = parseRubric(JSON.parse(JSON.stringify(body)), 'hai-phong');
    expect('rubric' in r && r.rubric.key).toBe('hai-phong');
  });
  it('refuses a wrong shape and a wrong meaning in Vietnamese', () => {
    const bad = parseRubric({ title: 'x' }, 'hai-phong');
    expect('errors' in bad && bad.errors[0]).toMatch(/^Sai cấu trúc tại/);
    const { key: _k, version: _v, ...body } = DEFAULT_RUBRIC;
    const levels = [...body.levels].reverse().map((l, i) => ({ ...l, minPercent: [90, 80, 65, 50][i] }));
    const swapped = parseRubric({ ...body, levels: levels.map((l, i) => ({ ...l, level: (i + 1) as 1 })) }, 'hai-phong');
    expect(swapped).toEqual({ errors: ['Ngưỡng Mức 2 thấp hơn Mức 1.', 'Ngưỡng Mức 3 thấp hơn Mức 2.', 'Ngưỡng Mức 4 thấp hơn Mức 3.'] });
  });
});
