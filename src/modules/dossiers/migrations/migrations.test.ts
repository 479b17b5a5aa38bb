import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { withUnit, withUnits } from '../../../core/tenancy.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const base = (unitId: string, receivingUnitId: string, code: string) => ({
  unit_id: unitId, receiving_unit_id: receivingUnitId, code, procedure_name: 'Chứng thực chữ ký', field: 'Chứng thực',
  working_days: 1, applicant_name: 'Nguyễn Thị Hoa', applicant_phone: '0912000111', channel: 'online', status: 'processing',
  received_at: new Date('2026-03-02T02:00:00Z'), accepted_at: new Date('2026-03-02T02:00:00Z'), due_date: '2026-03-03',
});

describe('dossier tables', () => {
  test('the monthly statistics follow inserts, updates and deletes', async () => {
    const unitId = await t.unitId();
    await withUnit(t.appDb, unitId, async (trx) => {
      await trx.insertInto('dossiers').values([base(unitId, unitId, 'T-260302-0001'), { ...base(unitId, unitId, 'T-260302-0002'), channel: 'in_person' }]).execute();
      await trx.updateTable('dossiers').set({ result_at: new Date('2026-03-04T03:00:00Z'), status: 'result_ready' }).where('code', '=', 'T-260302-0001').execute();
      await trx.updateTable('dossiers').set({ result_at: new Date('2026-03-02T09:00:00Z'), status: 'result_ready' }).where('code', '=', 'T-260302-0002').execute();
      await trx.updateTable('dossiers').set({ status: 'returned' }).execute(); // no figure changes
    });
    const stats = await t.db.selectFrom('dossier_monthly_stats').selectAll().where('unit_id', '=', unitId).where('month', '=', '2026-03-01').executeTakeFirstOrThrow();
    expect(stats).toMatchObject({ received: 2, online: 1, finished: 2, early: 1, on_time: 0, late: 1 });
    await t.db.deleteFrom('dossiers').where('code', 'like', 'T-260302-%').execute();
    const after = await t.db.selectFrom('dossier_monthly_stats').selectAll().where('unit_id', '=', unitId).where('month', '=', '2026-03-01').executeTakeFirstOrThrow();
    expect(after).toMatchObject({ received: 0, finished: 0, late: 0 });
  });

  test('both the deciding and the receiving unit see a routed dossier; others do not', async () => {
    const units = await sql<{ id: string }>`select id from units where type <> 'city' order by slug limit 3`.execute(t.db);
    const [a, b, c] = units.rows.map((r) => r.id);
    await withUnit(t.appDb, b, (trx) => trx.insertInto('dossiers').values(base(a, b, 'T-260302-0003')).execute());
    const seen = async (u: string) => (await withUnit(t.appDb, u, (trx) => trx.selectFrom('dossiers').select('code').where('code', '=', 'T-260302-0003').execute())).length;
    expect([await seen(a), await seen(b), await seen(c)]).toEqual([1, 1, 0]);
    expect((await withUnits(t.appDb, [c], (trx) => trx.selectFrom('dossier_monthly_stats').selectAll().where('unit_id', '=', a).execute())).length).toBe(0);
  });
});
