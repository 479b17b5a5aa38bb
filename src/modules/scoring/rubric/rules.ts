import type { Period, ScoringRule } from './model.js';

/** How much of the year has elapsed (as of "now"), in each period kind; at least 1 of each. */
export interface ElapsedPeriods { year: number; quarter: number; month: number; week: number }

export function elapsedPeriods(from: Date, to: Date, now: Date): ElapsedPeriods {
  const end = Math.min(to.getTime(), Math.max(now.getTime(), from.getTime()));
  const days = Math.max(0, (end - from.getTime()) / 86400_000);
  const month = Math.max(1, Math.min(12, Math.ceil(days / (365 / 12))));
  return { year: 1, quarter: Math.ceil(month / 3), month, week: Math.max(1, Math.min(52, Math.ceil(days / 7))) };
}

/**
 * Share (0–1) of an indicator's points earned by a value under a rule.
 * `ruleShare({ kind: 'bands', bands: [{ min: 90, share: 1 }, { min: 70, share: 0.5 }] }, 80)` → 0.5
 */
export function ruleShare(rule: ScoringRule, value: number, elapsed: ElapsedPeriods): number {
  switch (rule.kind) {
    case 'boolean':
    case 'manual':
      return rule.kind === 'manual' ? clamp(value) : value >= 1 ? 1 : 0;
    case 'threshold': {
      const okMin = rule.min === undefined || value >= rule.min;
      const okMax = rule.max === undefined || value <= rule.max;
      return okMin && okMax ? 1 : 0;
    }
    case 'bands': {
      const reached = rule.bands.filter((b) => value >= b.min).map((b) => b.share);
      return reached.length ? clamp(Math.max(...reached)) : 0;
    }
    case 'count':
      return clamp(value / expectedCount(rule.target, rule.per, elapsed));
  }
}

export const expectedCount = (target: number, per: Period, elapsed: ElapsedPeriods): number => target * elapsed[per];

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** The rule in words, for the dashboard ("≥ 90 %: 100 % số điểm; ≥ 70 %: 50 %"). */
export function describeRule(rule: ScoringRule, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  const pct = (s: number) => `${Math.round(s * 100)} %`;
  switch (rule.kind) {
    case 'boolean': return vi ? 'Có: đủ điểm; không: 0 điểm' : 'Yes: full points; no: 0';
    case 'manual': return vi ? 'Tự đánh giá kèm minh chứng, được người duyệt chấp thuận' : 'Self-assessed with evidence, approved by a reviewer';
    case 'threshold':
      if (rule.max !== undefined) return vi ? `Đủ điểm khi ≤ ${rule.max}` : `Full points when ≤ ${rule.max}`;
      return vi ? `Đủ điểm khi ≥ ${rule.min}` : `Full points when ≥ ${rule.min}`;
    case 'bands':
      return [...rule.bands].sort((a, b) => b.min - a.min).map((b) => `≥ ${b.min}: ${pct(b.share)}`).join('; ');
    case 'count': {
      const per = { year: vi ? 'năm' : 'year', quarter: vi ? 'quý' : 'quarter', month: vi ? 'tháng' : 'month', week: vi ? 'tuần' : 'week' }[rule.per];
      return vi ? `Chỉ tiêu ${rule.target}/${per}, điểm theo tỷ lệ đạt` : `Target ${rule.target} per ${per}, points in proportion`;
    }
  }
}
