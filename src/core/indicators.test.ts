import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { countedMonths, countedWeeks, percentValue } from './indicators.js';
import { computeIndicators, indicatorDefinitions, vnYearBounds } from './providers.js';
import { vnYearOf } from '../lib/vn-calendar/index.js';

describe('counted periods', () => {
  it('takes the Mondays of the year, begun or ended by "now"', () => {
    const now = new Date('2025-01-20T00:00:00+07:00'); // a Monday
    expect(countedWeeks({ year: 2025, now }, 'started').map((w) => w.monday)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20']);
    expect(countedWeeks({ year: 2025, now }, 'ended').map((w) => w.monday)).toEqual(['2025-01-06', '2025-01-13']);
    expect(countedWeeks({ year: 2026, now: new Date('2030-01-01') }, 'ended')).toHaveLength(52);
    expect(countedWeeks({ year: 2026, now: new Date('2030-01-01') }, 'ended')[0].start.toISOString()).toBe('2026-01-04T17:00:00.000Z');
  });
  it('takes the months over by "now"', () => {
    expect(countedMonths({ year: 2025, now: new Date('2025-03-01T00:00:00+07:00') }).map((m) => m.month)).toEqual([1, 2]);
    expect(countedMonths({ year: 2024, now: new Date('2025-03-01') })).toHaveLength(12);
  });
  it('reports no data, never 0, for an empty denominator', () => {
    expect(percentValue('x', 0, 0)).toEqual({ id: 'x', value: null, numerator: 0, denominator: 0 });
    expect(percentValue('x', 1, 3)).toMatchObject({ value: 33.3 });
  });
});

describe('the indicator contract (docs/indicators.md)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('every installed module implements exactly its documented ids', async () => {
    const documented = [...readFileSync(new URL('../../docs/indicators.md', import.meta.url), 'utf8').matchAll(/^\| `([a-z_]+)\.([a-z_]+)` \|/gm)]
      .map((m) => `${m[1]}.${m[2]}`);
    const defs = indicatorDefinitions();
    const modules = [...new Set(defs.map((d) => d.module))].sort();
    expect(modules).toEqual(expect.arrayContaining(['catalogue', 'centre', 'dossiers', 'feedback', 'leadership', 'surveys', 'transparency']));
    for (const module of modules) {
      const ids = defs.filter((d) => d.module === module).map((d) => d.definition.id).sort();
      expect(ids, module).toEqual(documented.filter((id) => id.startsWith(`${module}.`)).sort());
    }
    for (const { definition } of defs) {
      expect(definition.label.vi && definition.label.en && definition.formula.vi && definition.formula.en, definition.id).toBeTruthy();
    }
  });

  it('computes every indicator of the demo ward for this year without error', async () => {
    const year = vnYearOf(new Date());
    const values = await computeIndicators({ db: t.appDb, unitId: await t.unitId(), year, ...vnYearBounds(year), now: new Date() });
    expect(values.length).toBe(indicatorDefinitions().length);
    for (const v of values) expect(v.value === null || Number.isFinite(v.value), v.id).toBe(true);
    expect(values.find((v) => v.id === 'catalogue.procedures_complete')?.value).toBeGreaterThan(0);
  });
});
