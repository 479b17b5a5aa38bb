import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIndicators } from '../../core/providers.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { clearIndicatorSources, handSource, insertHandManual } from './test-support.js';

let t: TestApp;
let unitId: string;
const get = async (path: string) => {
  const r = await fetch(t.url + path);
  return { status: r.status, body: await r.json() as any };
};

beforeAll(async () => {
  t = await startTestApp();
  clearIndicatorSources();
  unitId = await t.unitId('chi-linh');
  registerIndicators('fake', handSource(unitId, 2025));
  await insertHandManual(t.db, unitId, 2025);
}, 180_000);
afterAll(async () => {
  registerIndicators('fake', undefined);
  await t?.close();
});

describe('GET /api/v1/units/{unit}/scorecard', () => {
  it('reproduces the hand-computed scorecard, level included', async () => {
    const { status, body } = await get('/api/v1/units/chi-linh/scorecard?year=2025');
    expect(status).toBe(200);
    expect([body.year, body.level, body.points, body.max, body.percent, body.finalised]).toEqual([2025, 2, 68, 100, 68, false]);
    expect(body.criteria.map((c: any) => [c.id, c.points, c.max])).toEqual([['c1', 21, 30], ['c2', 20, 30], ['c3', 15.5, 20], ['c4', 11.5, 20]]);
    const radio = body.criteria[3].indicators.find((i: any) => i.key === 'c4.digital_radio');
    expect(radio).toMatchObject({ value: 24, points: 1, status: 'partial', origin: 'measured', drillDown: 'ho-so?chi-so=community.broadcasts_published' });
    expect(body.national.estimate).toBe(true);
    expect(body.national.groups.find((g: any) => g.key === 'progress').points).toBe(19.6);
  });
  it('an indicator nobody measures is "not measured", never zero', async () => {
    const { body } = await get('/api/v1/units/nguyen-trai/scorecard?year=2025');
    const auto = body.criteria.flatMap((c: any) => c.indicators).filter((i: any) => !i.source.startsWith('scoring.'));
    expect(auto.length).toBeGreaterThan(30);
    expect(auto.every((i: any) => i.value === null && i.status === 'not_measured' && i.points === 0)).toBe(true);
  });
  it('answers 400 for a bad year and 404 for an unknown unit', async () => {
    expect((await get('/api/v1/units/chi-linh/scorecard?year=1990')).status).toBe(400);
    expect((await get('/api/v1/units/khong-co/scorecard')).status).toBe(404);
  });
});

describe('GET /api/v1/scorecards', () => {
  it('ranks the 114 units of the city with one rubric', async () => {
    const { status, body } = await get('/api/v1/scorecards?year=2025&parent=hai-phong');
    expect(status).toBe(200);
    expect(body.units).toHaveLength(114);
    const sum = Object.values(body.distribution as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(sum).toBe(114);
    const cl = body.units.find((u: any) => u.unit.slug === 'chi-linh');
    expect([cl.points, cl.level]).toEqual([68, 2]);
    for (let i = 1; i < body.units.length; i++) expect(body.units[i - 1].points).toBeGreaterThanOrEqual(body.units[i].points);
    expect(new Set(body.units.map((u: any) => u.unit.type))).toEqual(new Set(['ward', 'commune', 'special_zone']));
  });
  it('the demo data spreads the units over several levels (reported figures of varied quality)', async () => {
    const { body } = await get('/api/v1/scorecards');
    const levels = Object.values(body.distribution as Record<string, number>).filter((n) => n > 0);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    expect(body.units[0].points).toBeGreaterThan(body.units[113].points + 20);
  });
  it('is described in /openapi.json', async () => {
    const { body } = await get('/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/units/{unit}/scorecard', '/api/v1/scorecards']));
  });
});
