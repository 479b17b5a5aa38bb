import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { translator } from '../../core/i18n.js';
import { withUnit } from '../../core/tenancy.js';
import { upsertFigures } from './repo-stats.js';
import { loadYearStats, monthRanges, type OnlineStatsSource } from './stats-source.js';
import { overrideProviderForTests } from '../../core/providers.js';
import type { MonthlyFigure } from './lib/rates.js';

/** A live source (as the dossiers module registers one) with figures for some months of 2031 and 2032. */
const fig = (year: number, month: number, online: number, inPerson: number): MonthlyFigure =>
  ({ year, month, field: 'Hộ tịch', receivedOnline: online, receivedInPerson: inPerson, resolved: online + inPerson, resolvedOnTime: online + inPerson });
const live: OnlineStatsSource = {
  id: 'dossiers',
  describe: (lang) => (lang === 'vi' ? 'hồ sơ trong hệ thống một cửa' : 'one-stop dossiers'),
  monthlyFigures: async (_db, _unit, year) => (year === 2031 ? [4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => fig(2031, m, 10, 0))
    : year === 2032 ? [fig(2032, 5, 3, 1)] : null),
};

let t: TestApp;
let unit: string;
const vi = translator('vi');

beforeAll(async () => {
  t = await startTestApp();
  unit = await t.unitId();
  // imported figures for the first half of 2031 (the months before live tracking started, and some after)
  await withUnit(t.appDb, unit, (trx) => upsertFigures(trx, unit, [1, 2, 3, 4, 5, 6].map((m) => fig(2031, m, 1, 9)), 'Báo cáo tháng của phường'));
});
let restore: (() => void) | null = null;
const useLive = (source: OnlineStatsSource | null) => { restore?.(); restore = overrideProviderForTests('onlineStats', source); };
afterEach(() => { restore?.(); restore = null; });
afterAll(async () => { await t?.close(); });

describe('online statistics sources', () => {
  it('writes month lists as ranges', () => {
    expect(monthRanges([7, 1, 2, 3, 4, 12])).toBe('1–4, 7, 12');
    expect(monthRanges([5])).toBe('5');
  });

  it('uses live months where the live source has them and imported months everywhere else', async () => {
    useLive(live);
    const r = await loadYearStats(t.appDb, unit, 2031, 'vi', vi);
    expect(r.monthSources).toEqual(['imported', 'imported', 'imported', ...Array(9).fill('dossiers')]);
    expect(r.stats.byMonth.map((m) => m.received)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    // months 1–3 imported (10 % online), 4–12 live (100 % online) — imported 4–6 are overridden, not added
    expect(r.stats.byMonth[0].onlineRate).toBe(10);
    expect(r.stats.byMonth[3].onlineRate).toBe(100);
    expect(r.stats.total).toMatchObject({ received: 120, receivedOnline: 93 });
    expect(r.source.id).toBe('dossiers+imported');
    expect(r.source.description).toBe('hồ sơ trong hệ thống một cửa – tháng 4–12; số liệu tháng do phường nhập (Báo cáo tháng của phường) – tháng 1–3');
  });

  it('names only the live source when it covers every month with figures, only the import without it', async () => {
    useLive(live);
    const r = await loadYearStats(t.appDb, unit, 2032, 'en', translator('en'));
    expect(r.source).toEqual({ id: 'dossiers', description: 'one-stop dossiers' });
    expect(r.stats.total).toMatchObject({ onlineRate: 75, onTimeRate: 100 });
    useLive(null);
    const imported = await loadYearStats(t.appDb, unit, 2031, 'vi', vi);
    expect(imported.source.id).toBe('imported');
    expect(imported.stats.total.received).toBe(60);
  });

  it('says per month where the API figures come from', async () => {
    useLive(live);
    const body = await (await fetch(`${t.url}/api/v1/units/chu-van-an/stats/online?year=2031`)).json() as any;
    expect(body.by_month.map((m: any) => m.source)).toEqual(['imported', 'imported', 'imported', ...Array(9).fill('dossiers')]);
    expect(body.by_month[0]).toMatchObject({ received_online: 1, received_in_person: 9 });
    expect(body.by_month[5]).toMatchObject({ received_online: 10, received_in_person: 0 });
    expect(body.source.id).toBe('dossiers+imported');
    const html = await (await fetch(`${t.url}/chu-van-an/thong-ke?nam=2031`)).text();
    expect(html).toContain('Nguồn số liệu: hồ sơ trong hệ thống một cửa – tháng 4–12; số liệu tháng do phường nhập (Báo cáo tháng của phường) – tháng 1–3');
  });
});
