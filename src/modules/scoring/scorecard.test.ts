import { describe, expect, it } from 'vitest';
import { vnYearBounds } from '../../core/providers.js';
import { DEFAULT_RUBRIC } from './rubric/default-rubric.js';
import { rubricMaxPoints, validateRubric } from './rubric/model.js';
import { elapsedPeriods, ruleShare } from './rubric/rules.js';
import { computeScorecard, improvementCandidates, levelGaps } from './scorecard.js';
import { HAND_NOW, handValues } from './test-fixtures.js';
import { nationalIndexEstimate } from './national-index.js';

const { from, to } = vnYearBounds(2026);
const elapsed = elapsedPeriods(from, to, HAND_NOW);

describe('default rubric', () => {
  it('is valid, totals 100 points and weighs the criteria 30/30/20/20', () => {
    expect(validateRubric(DEFAULT_RUBRIC)).toEqual([]);
    expect(rubricMaxPoints(DEFAULT_RUBRIC)).toBe(100);
    expect(DEFAULT_RUBRIC.criteria.map((c) => c.indicators.reduce((s, i) => s + i.points, 0))).toEqual([30, 30, 20, 20]);
  });
  it('rejects a rubric with duplicate keys, zero points or missing levels', () => {
    const bad = { ...DEFAULT_RUBRIC, levels: DEFAULT_RUBRIC.levels.slice(0, 3),
      criteria: [{ ...DEFAULT_RUBRIC.criteria[0], indicators: [DEFAULT_RUBRIC.criteria[0].indicators[0], { ...DEFAULT_RUBRIC.criteria[0].indicators[0], points: 0 }] }] };
    expect(validateRubric(bad)).toEqual([
      'Mã chỉ số "c1.procedures" bị trùng.', 'Chỉ số "c1.procedures" phải có điểm lớn hơn 0.', 'Phải khai báo đủ ngưỡng Mức 1–4.',
    ]);
  });
});

describe('rules', () => {
  it('score booleans, thresholds, bands and counts per period', () => {
    expect(elapsed).toEqual({ year: 1, quarter: 4, month: 11, week: 47 });
    expect(ruleShare({ kind: 'boolean' }, 0, elapsed)).toBe(0);
    expect(ruleShare({ kind: 'threshold', max: 0 }, 0, elapsed)).toBe(1);
    expect(ruleShare({ kind: 'threshold', max: 0 }, 1, elapsed)).toBe(0);
    expect(ruleShare({ kind: 'bands', bands: [{ min: 95, share: 1 }, { min: 70, share: 0.5 }] }, 94.9, elapsed)).toBe(0.5);
    expect(ruleShare({ kind: 'count', target: 4, per: 'month' }, 22, elapsed)).toBe(0.5);
    expect(ruleShare({ kind: 'count', target: 4, per: 'month' }, 100, elapsed)).toBe(1);
  });
});

describe('hand-computed scorecard (test-fixtures.ts)', () => {
  const card = computeScorecard(DEFAULT_RUBRIC, 2026, handValues(), elapsed);
  it('reproduces every criterion, the total and the level', () => {
    expect(card.criteria.map((c) => [c.id, c.points, c.max, c.percent])).toEqual([
      ['c1', 21, 30, 70], ['c2', 20, 30, 66.7], ['c3', 15.5, 20, 77.5], ['c4', 11.5, 20, 57.5],
    ]);
    expect([card.points, card.max, card.percent, card.level]).toEqual([68, 100, 68, 2]);
  });
  it('keeps "not measured" apart from zero and uses the fallback source', () => {
    const all = new Map(card.criteria.flatMap((c) => c.indicators).map((i) => [i.key, i]));
    expect(all.get('c1.online_stats')).toMatchObject({ value: null, points: 0, status: 'not_measured' });
    expect(all.get('c1.commitment')).toMatchObject({ value: 0, points: 0, status: 'not_met' });
    expect(all.get('c1.publicity_forms')).toMatchObject({ value: null, status: 'pending' });
    expect(all.get('c4.equipment')).toMatchObject({ value: null, status: 'not_measured' });
    expect(all.get('c2.apology')).toMatchObject({ source: 'dossiers.overdue_apologised', value: 75, points: 1, status: 'partial' });
    expect(card.measured).toBe(40);
    expect(card.total).toBe(49);
  });
  it('says what stands between it and Level 3', () => {
    expect(levelGaps(DEFAULT_RUBRIC, card, 3)).toEqual([
      { kind: 'total', ref: 'total', need: 80, have: 68 },
      { kind: 'criterion', ref: 'c4', need: 65, have: 57.5 },
      { kind: 'required', ref: 'c3.no_violations', need: 2, have: 0 },
    ]);
    expect(improvementCandidates(card).slice(0, 2).map((i) => [i.key, i.max - i.points])).toEqual([['c1.commitment', 2], ['c1.online_stats', 2]]);
  });
  it('a disciplined official blocks Level 2 whatever the points', () => {
    const values = handValues();
    values.set('leadership.officials_disciplined', { id: 'leadership.officials_disciplined', value: 1, origin: 'measured' });
    expect(computeScorecard(DEFAULT_RUBRIC, 2026, values, elapsed).level).toBe(1);
  });
  it('estimates the national index groups it has data for', () => {
    const est = nationalIndexEstimate(handValues());
    expect(est.groups.map((g) => [g.key, g.points])).toEqual([
      ['publicity', 16.92], ['progress', 19.6], ['digitisation', null], ['online', null], ['satisfaction', 16.47],
    ]);
    expect([est.points, est.measuredMax]).toEqual([52.99, 56]);
  });
});
