/**
 * A scoring rubric: criteria → indicators → scoring rule, points, and the thresholds of
 * Levels 1–4. Rubrics are data (stored as JSON, versioned): the default one ships with the
 * product, a city may publish its own, and a finalised assessment keeps a copy of the rubric
 * it was scored with so that later changes never rewrite a past year.
 */
export interface Text { vi: string; en: string }

export type Period = 'year' | 'quarter' | 'month' | 'week';

export type ScoringRule =
  /** Full points when the value is true (≥ 1). */
  | { kind: 'boolean' }
  /** Full points when value ≥ min (or ≤ max, for "must be 0" figures). */
  | { kind: 'threshold'; min?: number; max?: number }
  /** Share of the points of the highest band reached (bands by minimum value, e.g. 90 % → 0.75). */
  | { kind: 'bands'; bands: { min: number; share: number }[] }
  /** Points in proportion to count / (target × periods elapsed), capped at the full points. */
  | { kind: 'count'; target: number; per: Period }
  /** A value entered by staff with an evidence file; counts only once a reviewer approved it. */
  | { kind: 'manual' };

export interface RubricIndicator {
  /** Stable key inside the rubric, e.g. `c1.procedures`. */
  key: string;
  label: Text;
  /** Indicator ids (docs/indicators.md) tried in order; the first one measured is used. */
  sources: string[];
  rule: ScoringRule;
  points: number;
  /** The indicator must be fully met to reach this level or any higher one. */
  requiredFromLevel?: 1 | 2 | 3 | 4;
}

export interface RubricCriterion {
  id: 'c1' | 'c2' | 'c3' | 'c4';
  number: 1 | 2 | 3 | 4;
  title: Text;
  indicators: RubricIndicator[];
}

export interface LevelThreshold {
  level: 1 | 2 | 3 | 4;
  /** Share of all points needed, in per cent. */
  minPercent: number;
  /** Every criterion must reach at least this share of its own points, in per cent. */
  minCriterionPercent: number;
}

export interface Rubric {
  /** `default` or the publishing city's slug. */
  key: string;
  version: number;
  title: Text;
  /** Where the criteria come from (the seed decision or the city's decision). */
  basis: string;
  criteria: RubricCriterion[];
  levels: LevelThreshold[];
}

export const rubricMaxPoints = (r: Rubric): number =>
  r.criteria.reduce((s, c) => s + c.indicators.reduce((t, i) => t + i.points, 0), 0);

/** Problems that make a rubric unusable, in Vietnamese (empty when valid). */
export function validateRubric(r: Rubric): string[] {
  const errors: string[] = [];
  const keys = new Set<string>();
  if (!r.criteria.length) errors.push('Bộ tiêu chí phải có ít nhất một tiêu chí.');
  for (const c of r.criteria) {
    if (!c.indicators.length) errors.push(`Tiêu chí ${c.number} chưa có chỉ số nào.`);
    for (const i of c.indicators) {
      if (keys.has(i.key)) errors.push(`Mã chỉ số "${i.key}" bị trùng.`);
      keys.add(i.key);
      if (!(i.points > 0)) errors.push(`Chỉ số "${i.key}" phải có điểm lớn hơn 0.`);
      if (!i.sources.length) errors.push(`Chỉ số "${i.key}" chưa gắn nguồn số liệu.`);
      if (i.rule.kind === 'bands' && !i.rule.bands.length) errors.push(`Chỉ số "${i.key}" chưa có mức (band) nào.`);
      if (i.rule.kind === 'count' && !(i.rule.target > 0)) errors.push(`Chỉ số "${i.key}" phải có chỉ tiêu lớn hơn 0.`);
    }
  }
  const levels = [...r.levels].sort((a, b) => a.level - b.level);
  if (levels.map((l) => l.level).join() !== '1,2,3,4') errors.push('Phải khai báo đủ ngưỡng Mức 1–4.');
  for (let k = 1; k < levels.length; k++) {
    if (levels[k].minPercent < levels[k - 1].minPercent) errors.push(`Ngưỡng Mức ${levels[k].level} thấp hơn Mức ${levels[k - 1].level}.`);
  }
  return errors;
}
