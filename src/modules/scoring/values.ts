import type { Kysely } from 'kysely';
import { computeIndicators, indicatorDefinitions, vnYearBounds, type IndicatorDefinition } from '../../core/providers.js';
import { withUnits } from '../../core/tenancy.js';
import * as repo from './repo.js';
import { MANUAL_DEFINITIONS } from './rubric/manual-indicators.js';
import type { SourceValue } from './scorecard.js';

/** A unit runs the app (its modules' records are the source) when it is the demo ward or the city enabled it. */
export const isUnitEnabled = (u: Pick<repo.UnitRow, 'is_demo' | 'settings'>): boolean => u.is_demo || u.settings?.enabled !== false;

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

function reportedToValues(rows: repo.ReportedValue[], defs: Map<string, IndicatorDefinition>): SourceValue[] {
  return rows.map((r) => ({
    id: r.indicator_id, ...fromDefinition(defs.get(r.indicator_id)), origin: 'reported' as const, value: r.value,
    numerator: r.numerator ?? undefined, denominator: r.denominator ?? undefined, note: r.note ?? undefined,
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

/**
 * The values of several units for one year, by unit id. Enabled units are measured from their
 * records; the others use what they reported. Manual indicators come from approved entries for
 * both. Bulk reads keep a city of 114 units to a few queries plus the enabled units' modules.
 */
export async function valuesOfUnits(db: Kysely<any>, units: repo.UnitRow[], year: number, now: Date): Promise<Map<string, Map<string, SourceValue>>> {
  const defs = allDefinitions();
  const ids = units.map((u) => u.id);
  const { manual, reported } = await withUnits(db, ids, async (trx) => ({
    manual: await repo.latestManualEntries(trx, ids, year),
    reported: await repo.reportedValues(trx, units.filter((u) => !isUnitEnabled(u)).map((u) => u.id), year),
  }));
  const out = new Map<string, Map<string, SourceValue>>();
  for (const u of units) {
    const list = isUnitEnabled(u)
      ? await measuredValues(db, u.id, year, now, defs)
      : reportedToValues(reported.filter((r) => r.unit_id === u.id), defs);
    list.push(...manualValues(manual.filter((m) => m.unit_id === u.id), defs));
    out.set(u.id, new Map(list.map((v) => [v.id, v])));
  }
  return out;
}
