import type { IndicatorSource } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { questionStats } from './repo.js';
import { messages } from './i18n.js';

/** `assistant.questions_answered` (docs/indicators.md): questions answered with a procedure / questions. */
export const assistantIndicators: IndicatorSource = {
  definitions: [{
    id: 'assistant.questions_answered', criterion: 4, unit: 'percent',
    label: { vi: messages.vi['assistant.indicator.answered'], en: messages.en['assistant.indicator.answered'] },
    formula: { vi: messages.vi['assistant.indicator.answered_formula'], en: messages.en['assistant.indicator.answered_formula'] },
  }],
  async compute({ db, unitId, from, to }) {
    const s = await withUnit(db, unitId, (trx) => questionStats(trx, unitId, from, to));
    return [{
      id: 'assistant.questions_answered',
      value: s.total ? Math.round((s.answered / s.total) * 1000) / 10 : null,
      numerator: s.answered, denominator: s.total, drillDown: 'tro-ly?loc=all',
    }];
  },
};
