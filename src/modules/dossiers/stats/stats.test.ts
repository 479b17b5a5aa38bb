import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { dossierOnlineStats } from './online-source.js';
import { dossierStats } from './stats.js';

let t: TestApp;
let unitId: string;
beforeAll(async () => {
  t = await startTestApp();
  unitId = await t.unitId();
  const vn = (s: string) => new Date(`${s}+07:00`);
  const row = (n: number, o: Record<string, unknown>) => ({
    unit_id: unitId, receiving_unit_id: unitId, code: `S.T-250301-${String(n).padStart(4, '0')}`, procedure_name: 'Chứng thực chữ ký',
    field: 'Chứng thực', working_days: 2, applicant_name: 'Lê Văn Nam', channel: 'in_person', status: 'returned', source: 'test',
    received_at: vn('2025-03-02T09:00:00'), accepted_at: vn('2025-03-02T09:00:00'), due_date: '2025-03-04', officer_name: 'Phạm Thu Trang', ...o,
  });
  await t.db.insertInto('dossiers').values([
    row(1, { result_at: vn('2025-03-03T09:00:00'), channel: 'online' }), // early, 1 day
    row(2, { result_at: vn('2025-03-04T09:00:00') }), // on time, 2 days
    row(3, { result_at: vn('2025-03-05T09:00:00'), apologies: 1, field: 'Hộ tịch', procedure_name: 'Đăng ký kết hôn' }), // late, 3 days
    row(4, { result_at: null, status: 'processing', channel: 'online', received_at: vn('2025-04-01T09:00:00'), accepted_at: vn('2025-04-01T09:00:00'), due_date: '2025-04-03' }),
  ]).execute();
});
afterAll(async () => { await t?.close(); });

describe('dossier statistics', () => {
  test('rates, averages and groupings from stored dossiers', async () => {
    const s = await dossierStats(t.appDb, [unitId], 2025);
    expect(s.totals).toMatchObject({ received: 4, online: 2, finished: 3, early: 1, on_time: 1, late: 1, apologies: 1, online_rate: 50, in_time_rate: 66.7, avg_days: 2 });
    expect(s.byMonth.map((m) => [m.month, m.received, m.finished])).toEqual([[3, 3, 3], [4, 1, 0]]);
    expect(s.byField.find((f) => f.key === 'Hộ tịch')).toMatchObject({ received: 1, late: 1 });
    expect(s.byOfficer[0]).toMatchObject({ key: 'Phạm Thu Trang', received: 4 });
    expect((await dossierStats(t.appDb, [unitId], 2024)).totals.received).toBe(0);
  });
  test('live figures for the transparency page', async () => {
    const rows = await dossierOnlineStats.monthlyFigures(t.appDb, unitId, 2025);
    expect(rows).toContainEqual({ year: 2025, month: 3, field: 'Chứng thực', receivedOnline: 1, receivedInPerson: 1, resolved: 2, resolvedOnTime: 2 });
    expect(rows).toContainEqual({ year: 2025, month: 4, field: 'Chứng thực', receivedOnline: 1, receivedInPerson: 0, resolved: 0, resolvedOnTime: 0 });
    expect(await dossierOnlineStats.monthlyFigures(t.appDb, unitId, 2023)).toBeNull();
  });
  test('the public API gives the same figures', async () => {
    const body = await (await fetch(`${t.url}/api/v1/units/chu-van-an/dossiers/stats?year=2025`)).json() as { totals: { received: number; late: number } };
    expect(body.totals).toMatchObject({ received: 4, late: 1 });
  });
});
