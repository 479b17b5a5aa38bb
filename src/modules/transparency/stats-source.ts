import type { Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { yearStats, type MonthlyFigure, type YearStats } from './lib/rates.js';
import { listFigures } from './repo-stats.js';

/**
 * Where online-procedure figures come from. Until the dossiers module provides live figures,
 * the imported monthly table of this module is used. The dossiers module can call
 * `registerOnlineStatsSource({ ... })` (exported from this module's index.ts) with its own source.
 */
export interface OnlineStatsSource {
  /** Stable id, e.g. `dossiers`. */
  id: string;
  /** Vietnamese description shown on the page ("hồ sơ trong hệ thống một cửa"). */
  describe(lang: 'vi' | 'en'): string;
  /** Monthly figures of one unit and year, or null when this source has nothing for that year. */
  monthlyFigures(db: Kysely<any>, unitId: string, year: number): Promise<MonthlyFigure[] | null>;
}

let liveSource: OnlineStatsSource | null = null;

/** Lets another module (dossiers) provide live figures; it takes precedence when it has data. */
export function registerOnlineStatsSource(source: OnlineStatsSource | null): void {
  liveSource = source;
}

export interface LoadedStats { stats: YearStats; source: { id: string; description: string } }

/** Imported figures as a source, with their recorded provenance. */
export async function importedFigures(db: Kysely<any>, unitId: string, year: number) {
  const rows = await withUnit(db, unitId, (trx) => listFigures(trx, year));
  const sources = [...new Set(rows.map((r) => r.source))];
  return { rows, sources };
}

export async function loadYearStats(db: Kysely<any>, unitId: string, year: number, lang: 'vi' | 'en', importedLabel: (detail: string) => string): Promise<LoadedStats> {
  if (liveSource) {
    const live = await liveSource.monthlyFigures(db, unitId, year);
    if (live && live.length) return { stats: yearStats(year, live), source: { id: liveSource.id, description: liveSource.describe(lang) } };
  }
  const { rows, sources } = await importedFigures(db, unitId, year);
  return { stats: yearStats(year, rows), source: { id: 'imported', description: importedLabel(sources.join('; ') || '—') } };
}
