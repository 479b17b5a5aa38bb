import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { withUnit } from './tenancy.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

test('the app role is neither superuser nor BYPASSRLS', async () => {
  const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(t.appDb);
  expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
});

test('a query run for ward A cannot read ward B rows, even with a forged filter', async () => {
  const a = await t.unitId('chu-van-an');
  const b = await t.unitId('chi-linh');
  await sql`insert into departments (unit_id, code, name) values (${b}, 'SECRET', 'Phòng của phường B')`.execute(t.db);

  const forged = await withUnit(t.appDb, a, (trx) =>
    trx.selectFrom('departments').selectAll().where('unit_id', '=', b).execute());
  expect(forged).toEqual([]);
  const own = await withUnit(t.appDb, a, (trx) => trx.selectFrom('departments').select('unit_id').execute());
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((r) => r.unit_id === a)).toBe(true);
  const visibleToB = await withUnit(t.appDb, b, (trx) => trx.selectFrom('departments').select('code').execute());
  expect(visibleToB.map((r) => r.code)).toEqual(['SECRET']);
});

test('writing a row for another unit is refused', async () => {
  const a = await t.unitId('chu-van-an');
  const b = await t.unitId('chi-linh');
  await expect(withUnit(t.appDb, a, (trx) =>
    trx.insertInto('departments').values({ unit_id: b, code: 'X', name: 'Giả mạo' }).execute())).rejects.toThrow(/row-level security/);
});

test('outside withUnit a tenant table shows nothing', async () => {
  const rows = await t.appDb.selectFrom('residential_groups').selectAll().execute();
  expect(rows).toEqual([]);
});
