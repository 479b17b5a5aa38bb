import type { IndicatorUnit } from '../../core/providers.js';
import type { Rubric, RubricIndicator, Text } from './rubric/model.js';
import { rubricMaxPoints } from './rubric/model.js';
import { ruleShare, type ElapsedPeriods } from './rubric/rules.js';

/** Where a value came from: computed from the module's records, reported by the unit, or entered with evidence. */
export type ValueOrigin = 'measured' | 'reported' | 'manual';

export interface SourceValue {
  id: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  drillDown?: string;
  note?: string;
  origin: ValueOrigin;
  unit?: IndicatorUnit;
  formula?: Text;
  higherIsBetter?: boolean;
  /** Manual values waiting for a reviewer count as not measured but say so. */
  pending?: boolean;
}

export type IndicatorStatus = 'met' | 'partial' | 'not_met' | 'not_measured' | 'pending';

export interface ScoredIndicator {
  key: string;
  label: Text;
  /** The indicator id the value came from (first measured source), or the first source. */
  source: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  unit?: IndicatorUnit;
  formula?: Text;
  drillDown?: string;
  note?: string;
  origin?: ValueOrigin;
  points: number;
  max: number;
  status: IndicatorStatus;
  requiredFromLevel?: number;
}

export interface ScoredCriterion { id: string; number: number; title: Text; points: number; max: number; percent: number; indicators: ScoredIndicator[] }

export interface Scorecard {
  year: number;
  rubric: { key: string; version: number };
  /** 0 = Level 1 not reached. */
  level: 0 | 1 | 2 | 3 | 4;
  points: number;
  max: number;
  percent: number;
  /** Indicators with a value / all indicators. */
  measured: number;
  total: number;
  criteria: ScoredCriterion[];
}

/** Points are kept to two decimals so that sums printed in reports add up exactly. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

function scoreIndicator(ind: RubricIndicator, values: Map<string, SourceValue>, elapsed: ElapsedPeriods): ScoredIndicator {
  const found = ind.sources.map((s) => values.get(s)).find((v) => v && v.value !== null && !v.pending);
  const pending = !found && ind.sources.some((s) => values.get(s)?.pending);
  const shown = found ?? values.get(ind.sources[0]);
  const base = {
    key: ind.key, label: ind.label, source: found?.id ?? ind.sources[0], max: ind.points, requiredFromLevel: ind.requiredFromLevel,
    unit: shown?.unit, formula: shown?.formula, drillDown: shown?.drillDown, note: shown?.note, origin: found?.origin,
  };
  if (!found || found.value === null) return { ...base, value: null, points: 0, status: pending ? 'pending' : 'not_measured' };
  const share = ruleShare(ind.rule, found.value, elapsed);
  const points = round2(ind.points * share);
  const status: IndicatorStatus = share >= 1 ? 'met' : share > 0 ? 'partial' : 'not_met';
  return { ...base, value: found.value, numerator: found.numerator, denominator: found.denominator, points, status };
}

/** Scores one unit's values for one year with a rubric; pure. */
export function computeScorecard(rubric: Rubric, year: number, values: Map<string, SourceValue>, elapsed: ElapsedPeriods): Scorecard {
  const criteria: ScoredCriterion[] = rubric.criteria.map((c) => {
    const indicators = c.indicators.map((i) => scoreIndicator(i, values, elapsed));
    const points = round2(indicators.reduce((s, i) => s + i.points, 0));
    const max = round2(c.indicators.reduce((s, i) => s + i.points, 0));
    return { id: c.id, number: c.number, title: c.title, points, max, percent: percentOf(points, max), indicators };
  });
  const points = round2(criteria.reduce((s, c) => s + c.points, 0));
  const max = rubricMaxPoints(rubric);
  const all = criteria.flatMap((c) => c.indicators);
  const card = {
    year, rubric: { key: rubric.key, version: rubric.version }, level: 0 as Scorecard['level'], points, max,
    percent: percentOf(points, max), measured: all.filter((i) => i.value !== null).length, total: all.length, criteria,
  };
  return { ...card, level: levelOf(rubric, card) };
}

export const percentOf = (points: number, max: number): number => (max > 0 ? Math.round((points / max) * 1000) / 10 : 0);

/** The highest level whose thresholds are all met (0 when not even Level 1). */
export function levelOf(rubric: Rubric, card: Pick<Scorecard, 'percent' | 'criteria'>): Scorecard['level'] {
  let reached: Scorecard['level'] = 0;
  for (const t of [...rubric.levels].sort((a, b) => a.level - b.level)) {
    if (levelGaps(rubric, card, t.level).length) break;
    reached = t.level;
  }
  return reached;
}

export interface LevelGap { kind: 'total' | 'criterion' | 'required'; ref: string; need: number; have: number }

/** What stands between a scorecard and a level: total share, a criterion's share, required indicators. */
export function levelGaps(rubric: Rubric, card: Pick<Scorecard, 'percent' | 'criteria'>, level: number): LevelGap[] {
  const t = rubric.levels.find((l) => l.level === level);
  if (!t) return [];
  const gaps: LevelGap[] = [];
  if (card.percent < t.minPercent) gaps.push({ kind: 'total', ref: 'total', need: t.minPercent, have: card.percent });
  for (const c of card.criteria) {
    if (c.percent < t.minCriterionPercent) gaps.push({ kind: 'criterion', ref: c.id, need: t.minCriterionPercent, have: c.percent });
  }
  for (const i of card.criteria.flatMap((c) => c.indicators)) {
    if (i.requiredFromLevel !== undefined && i.requiredFromLevel <= level && i.status !== 'met') {
      gaps.push({ kind: 'required', ref: i.key, need: i.max, have: i.points });
    }
  }
  return gaps;
}

/** Indicators not at full points, largest possible gain first: where to act to reach the next level. */
export const improvementCandidates = (card: Scorecard): ScoredIndicator[] =>
  card.criteria.flatMap((c) => c.indicators).filter((i) => i.points < i.max).sort((a, b) => (b.max - b.points) - (a.max - a.points));
