import { countedUntil, indicator } from '../../core/indicators.js';
import type { IndicatorSource, IndicatorValue } from '../../core/providers.js';
import { satisfactionIndex } from './satisfaction-index.js';

const formula = {
  vi: 'chỉ số hài lòng (0–100): trung bình điểm mỗi người trả lời trên các câu tính chỉ số, 1 → 0 và 5 → 100',
  en: 'satisfaction index (0–100): mean respondent score on the index questions, 1 → 0 and 5 → 100',
};

/** The surveys' satisfaction indexes for the scoring module (docs/indicators.md), criterion 2. */
export const surveyIndicatorSource: IndicatorSource = {
  definitions: [
    indicator('surveys.centre_satisfaction', 2, 'percent',
      { vi: 'Mức độ hài lòng với Trung tâm phục vụ hành chính công', en: 'Satisfaction with the public service centre' }, formula),
    indicator('surveys.government_satisfaction', 2, 'percent',
      { vi: 'Mức độ hài lòng với chính quyền (Chính quyền thân thiện)', en: 'Satisfaction with the government ("Friendly government")' }, formula),
  ],
  async compute(ctx) {
    const until = countedUntil(ctx);
    const value = async (id: string, kind: 'centre' | 'government'): Promise<IndicatorValue> => {
      const r = await satisfactionIndex(ctx.db, ctx.unitId, kind, ctx.year, until);
      const note = r.respondents ? `n = ${r.respondents}; ${r.satisfiedShare} % ≥ 4/5` : undefined;
      return { id, value: r.index, denominator: r.respondents, drillDown: 'khao-sat', ...(note ? { note } : {}) };
    };
    return [await value('surveys.centre_satisfaction', 'centre'), await value('surveys.government_satisfaction', 'government')];
  },
};
