import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { loadYearStats, registerOnlineStatsSource, type OnlineStatsSource } from './stats-source.js';

const live: OnlineStatsSource = {
  id: 'dossiers',
  describe: (lang) => (lang === 'vi' ? 'hồ sơ trong hệ thống một cửa' : 'one-stop dossiers'),
  monthlyFigures: async (_db, _unit, year) => (year === 2032
    ? [{ year, month: 5, field: 'Hộ tịch', receivedOnline: 3, receivedInPerson: 1, resolved: 4, resolvedOnTime: 3 }] : null),
};

afterEach(() => registerOnlineStatsSource(null));

describe('online statistics source', () => {
  it('uses a registered live source when it has figures, and names it', async () => {
    registerOnlineStatsSource(live);
    const r = await loadYearStats({} as Kysely<any>, '00000000-0000-0000-0000-000000000000', 2032, 'vi', (d) => `imported ${d}`);
    expect(r.source).toEqual({ id: 'dossiers', description: 'hồ sơ trong hệ thống một cửa' });
    expect(r.stats.total).toMatchObject({ onlineRate: 75, onTimeRate: 75 });
    expect(r.stats.byMonth[4].received).toBe(4);
  });
});
