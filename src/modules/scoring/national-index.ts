import type { SourceValue } from './scorecard.js';
import { round2 } from './scorecard.js';

/**
 * An estimate of the five groups of the national service index (Decision 766/QĐ-TTg, "Bộ chỉ số
 * chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp"): each group's
 * points = its maximum × the mean of the shares (0–100 %) of the indicators we hold for it. A
 * group with no measured indicator is "not measured", not zero. Only an estimate: the official
 * index is computed by the national portal from its own data.
 */
export interface NationalGroup { key: string; label: { vi: string; en: string }; max: number; sources: string[] }

export const NATIONAL_GROUPS: NationalGroup[] = [
  { key: 'publicity', label: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }, max: 18,
    sources: ['catalogue.procedures_complete', 'transparency.online_stats_published', 'transparency.reviews_not_overdue'] },
  { key: 'progress', label: { vi: 'Tiến độ giải quyết', en: 'Processing progress' }, max: 20, sources: ['dossiers.on_time_rate'] },
  { key: 'digitisation', label: { vi: 'Số hóa hồ sơ', en: 'Digitisation' }, max: 22, sources: ['dossiers.digitised_rate'] },
  { key: 'online', label: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' }, max: 22, sources: ['dossiers.online_rate'] },
  { key: 'satisfaction', label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, max: 18, sources: ['surveys.centre_satisfaction', 'centre.rating_satisfied'] },
];

export interface NationalGroupEstimate { key: string; label: { vi: string; en: string }; max: number; points: number | null; basedOn: string[] }

export interface NationalEstimate { groups: NationalGroupEstimate[]; points: number; measuredMax: number; max: 100 }

export function nationalIndexEstimate(values: Map<string, SourceValue>): NationalEstimate {
  const groups = NATIONAL_GROUPS.map((g) => {
    const measured = g.sources.map((s) => values.get(s)).filter((v): v is SourceValue => !!v && v.value !== null);
    const share = measured.length ? measured.reduce((s, v) => s + Math.max(0, Math.min(100, v.value!)), 0) / measured.length / 100 : null;
    return { key: g.key, label: g.label, max: g.max, points: share === null ? null : round2(g.max * share), basedOn: measured.map((v) => v.id) };
  });
  const measured = groups.filter((g) => g.points !== null);
  return { groups, points: round2(measured.reduce((s, g) => s + g.points!, 0)), measuredMax: measured.reduce((s, g) => s + g.max, 0), max: 100 };
}
