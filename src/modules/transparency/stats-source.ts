import type { Kysely } from 'kysely';
import type { Translate } from '../../core/i18n.js';
import { provider } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { yearStats, type MonthlyFigure, type YearStats } from './lib/rates.js';
import { listFigures } from './repo-stats.js';

/**
 * Where live online-procedure figures come from: the `onlineStats` provider (the dossiers module
 * offers it through `defineModule({ provides })`). Without it, the imported monthly table of this
 * module is the only source.
 */
export interface OnlineStatsSource {
  /** Stable id, e.g. `dossiers`. */
  id: string;
  /** Vietnamese description shown on the page ("hồ sơ trong hệ thống một cửa"). */
  describe(lang: 'vi' | 'en'): string;
  /** Monthly figures of one unit and year, or null when this source has nothing for that year. */
  monthlyFigures(db: Kysely<any>, unitId: string, year: number): Promise<MonthlyFigure[] | null>;
}

/** The installed live source, or null when the module offering it (dossiers) is not installed. */
export const liveStatsSource = (): OnlineStatsSource | null => provider('onlineStats');

export interface LoadedStats {
  stats: YearStats;
  source: { id: string; description: string };
  /** Where each month's figures come from: the live source's id, 'imported', or null (no figures). */
  monthSources: (string | null)[];
}

/** Imported figures as a source, with their recorded provenance. */
export async function importedFigures(db: Kysely<any>, unitId: string, year: number) {
  const rows = await withUnit(db, unitId, (trx) => listFigures(trx, year));
  const sources = [...new Set(rows.map((r) => r.source))];
  return { rows, sources };
}

/** `[1, 2, 3, 4, 7]` → `1–4, 7`. */
export function monthRanges(months: number[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

export interface YearFigures {
  live: MonthlyFigure[];
  imported: (MonthlyFigure & { source: string })[];
  /** Where each month's figures come from: the live source's id, 'imported', or null (no figures). */
  monthSources: (string | null)[];
}

/**
 * A year's figures, month by month: a month the live source (dossiers) has figures for uses them;
 * every other month uses the imported figures, so an imported first half-year stays when live
 * tracking starts mid-year.
 */
export async function yearFigures(db: Kysely<any>, unitId: string, year: number, live = liveStatsSource()): Promise<YearFigures> {
  const liveRows = live ? ((await live.monthlyFigures(db, unitId, year)) ?? []).filter((r) => r.year === year) : [];
  const liveMonths = new Set(liveRows.map((r) => r.month));
  const { rows } = await importedFigures(db, unitId, year);
  const imported = rows.filter((r) => !liveMonths.has(r.month));
  const importedMonths = new Set(imported.map((r) => r.month));
  const monthSources = Array.from({ length: 12 }, (_, i) => (liveMonths.has(i + 1) ? live!.id : importedMonths.has(i + 1) ? 'imported' : null));
  return { live: liveRows, imported, monthSources };
}

/** The year's figures with the description of their sources (each with its months when both are used). */
export async function loadYearStats(
  db: Kysely<any>, unitId: string, year: number, lang: 'vi' | 'en', t: Translate, live = liveStatsSource(),
): Promise<LoadedStats> {
  const { live: liveRows, imported, monthSources } = await yearFigures(db, unitId, year, live);
  const monthsOf = (id: string) => new Set(monthSources.flatMap((s, i) => (s === id ? [i + 1] : [])));
  const sources = [...new Set(imported.map((r) => r.source))];
  const importedText = t('transparency.stats.source_imported', { detail: sources.join('; ') || '—' });
  const stats = yearStats(year, [...liveRows, ...imported]);
  if (!live || liveRows.length === 0) return { stats, monthSources, source: { id: 'imported', description: importedText } };
  const liveText = live.describe(lang);
  if (imported.length === 0) return { stats, monthSources, source: { id: live.id, description: liveText } };
  const withMonths = (text: string, months: Set<number>) => t('transparency.stats.source_months', { source: text, months: monthRanges([...months]) });
  return {
    stats, monthSources,
    source: { id: `${live.id}+imported`, description: `${withMonths(liveText, monthsOf(live.id))}; ${withMonths(importedText, monthsOf('imported'))}` },
  };
}
