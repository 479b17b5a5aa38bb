import type { Kysely } from 'kysely';
import { indicatorDefinitions, registerIndicators, type IndicatorSource } from '../../core/providers.js';
import { HAND_MANUAL, HAND_VALUES } from './test-fixtures.js';

/** Removes every installed module's indicators, so that a test sees only the sources it registers. */
export function clearIndicatorSources(): void {
  for (const m of new Set(indicatorDefinitions().map((d) => d.module))) registerIndicators(m, undefined);
}

/**
 * A fake module measuring the hand-scored values (test-fixtures.ts) for one unit and year; other
 * units and years get no value. 2025 is a full year, so the radio count target is 4 × 12 = 48:
 * 24 broadcasts earn half of its 2 points, as 22 of 44 do in the 11-month fixture.
 */
const BOOLEAN = /published$|_enabled$|_in_use$/;
const COUNT = /channels_active|letters_(condolence|thanks|commendation)|contributor_meetings|disciplined|violations|broadcasts|votes_held/;
const unitOf = (id: string) => (BOOLEAN.test(id) && !id.includes('online_stats') ? 'boolean' : COUNT.test(id) ? 'count' : 'percent');

export function handSource(unitId: string, year: number, overrides: Record<string, number | null> = {}): IndicatorSource {
  const values = { ...HAND_VALUES, 'community.broadcasts_published': 24, ...overrides };
  return {
    definitions: Object.keys(values).map((id) => ({
      id, criterion: 1, label: { vi: id, en: id }, formula: { vi: `công thức ${id}`, en: `formula ${id}` }, unit: unitOf(id),
    })),
    async compute(ctx) {
      if (ctx.unitId !== unitId || ctx.year !== year) return [];
      return Object.entries(values).map(([id, value]) => ({ id, value, drillDown: `ho-so?chi-so=${id}` }));
    },
  };
}

export async function insertHandManual(db: Kysely<any>, unitId: string, year: number): Promise<void> {
  for (const e of HAND_MANUAL) {
    await db.insertInto('scoring_manual_entries').values({
      unit_id: unitId, year, indicator_id: e.id, value: e.value, statement: 'kiểm thử', submitted_by: 'vanhoa', status: e.status,
    }).execute();
  }
}
