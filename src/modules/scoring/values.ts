import type { Kysely } from 'kysely';
import { computeIndicators, indicatorDefinitions, vnYearBounds, type IndicatorDefinition } from '../../core/providers.js';
import * as repo from './repo.js';
import { MANUAL_DEFINITIONS } from './rubric/manual-indicators.js';
import type { SourceValue } from './scorecard.js';

/** A unit runs the app (its modules' records are the source) when it is the demo ward or the city enabled it. */
export const isUnitEnabled = (u: Pick<repo.UnitRow, 'is_demo' | 'settings'>): boolean => u.is_demo || u.settings?.enabled !== false;

const MEASURE_CONCURRENCY = 4;

/** Every known indicator definition: the installed modules' and the manual ones of this module. */
export function allDefinitions(): Map<string, IndicatorDefinition> {
  return new Map([...indicatorDefinitions().map((d) => d.definition), ...MANUAL_DEFINITIONS].map((d) => [d.id, d]));
}

const fromDefinition = (d: IndicatorDefinition | undefined) =>
  d ? { unit: d.unit, formula: d.formula, higherIsBetter: d.higherIsBetter } : {};

function manualValues(entries: repo.ManualEntry[], defs: Map<string, IndicatorDefinition>): SourceValue[] {
  return entries.map((e) => ({
    id: e.indicator_id, ...fromDefinition(defs.get(e.indicator_id)), origin: 'manual' as const,
    value: e.status === 'approved' ? e.value : null, pending: e.status === 'pending',
    drillDown: `tieu-chi/minh-chung/${encodeURIComponent(e.indicator_id)}?nam=${e.year}`,
    note: e.status === 'rejected' ? (e.review_note ?? 'rejected') : undefined,
  }));
}

function reportedToValues(row: repo.ReportedValues | undefined, defs: Map<string, IndicatorDefinition>): SourceValue[] {
  return Object.entries(row?.figures ?? {}).map(([id, f]) => ({
    id, ...fromDefinition(defs.get(id)), origin: 'reported' as const, value: typeof f.value === 'number' ? f.value : null,
    numerator: f.numerator, denominator: f.denominator, note: f.note,
  }));
}

/** The measured values of an enabled unit: every installed module's indicators for the year. */
async function measuredValues(db: Kysely<any>, unitId: string, year: number, now: Date, defs: Map<string, IndicatorDefinition>): Promise<SourceValue[]> {
  const { from, to } = vnYearBounds(year);
  const values = await computeIndicators({ db, unitId, year, from, to, now: now < to ? now : to });
  return values.map((v) => ({
    id: v.id, value: v.value, numerator: v.numerator, denominator: v.denominator, drillDown: v.drillDown, note: v.note,
    origin: 'measured' as const, ...fromDefinition(defs.get(v.id) ?? v.definition),
  }));
}

/** Manual entries and reported figures of the units for a year, in the caller's transaction. */
export async function bulkInputs(trx: repo.Trx, units: repo.UnitRow[], year: number) {
  return {
    manual: await repo.latestManualEntries(trx, units.map((u) => u.id), year),
    reported: await repo.reportedValues(trx, units.filter((u) => !isUnitEnabled(u)).map((u) => u.id), year),
  };
}

/**
 * The values of several units for one year, by unit id. Enabled units are measured from their
 * records; the others use what they reported. Manual indicators come from approved entries for
 * both. Bulk reads keep a city of 114 units to a few queries plus the enabled units' modules.
 */
export async function valuesOfUnits(
  db: Kysely<any>, units: repo.UnitRow[], year: number, now: Date, bulk: { manual: repo.ManualEntry[]; reported: repo.ReportedValues[] },
): Promise<Map<string, Map<string, SourceValue>>> {
  const defs = allDefinitions();
  const { manual, reported } = bulk;
  const reportedBy = new Map(reported.map((r) => [r.unit_id, r]));
  const manualBy = new Map<string, repo.ManualEntry[]>();
  for (const m of manual) manualBy.set(m.unit_id, [...(manualBy.get(m.unit_id) ?? []), m]);
  // Enabled units are measured a few at a time: each runs every module's queries on its own connection.
  const measured = new Map<string, SourceValue[]>();
  const enabled = units.filter(isUnitEnabled);
  for (let i = 0; i < enabled.length; i += MEASURE_CONCURRENCY) {
    await Promise.all(enabled.slice(i, i + MEASURE_CONCURRENCY).map(async (u) => measured.set(u.id, await measuredValues(db, u.id, year, now, defs))));
  }
  const out = new Map<string, Map<string, SourceValue>>();
  for (const u of units) {
    const list = measured.get(u.id) ?? reportedToValues(reportedBy.get(u.id), defs);
    list.push(...manualValues(manualBy.get(u.id) ?? [], defs));
    out.set(u.id, new Map(list.map((v) => [v.id, v])));
  }
  return out;
}
