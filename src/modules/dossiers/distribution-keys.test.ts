import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.js';
import { readSheet } from '../../lib/tabular/index.js';
import { withUnit } from '../../core/tenancy.js';
import { guessMapping } from './import/columns.js';
import { importWithCopy } from './import/copy-import.js';
import { validateSheet } from './import/run.js';
import { up } from './migrations/0011-distribution-keys.js';
import { insertDossier } from './repo/dossiers.js';

const app = useTestApp();

/** The demo ward and another ward of the city. */
const twoUnits = async (): Promise<[string, string]> => [await app().unitId(), await app().unitId('nguyen-trai')];

const dossier = (unitId: string, receivingUnitId: string, code: string, externalCode: string | null = null) => ({
  unit_id: unitId, receiving_unit_id: receivingUnitId, code, procedure_name: 'Chứng thực chữ ký', field: 'Chứng thực', working_days: 1,
  applicant_name: 'Nguyễn Thị Khoá', channel: 'online', status: 'received', received_at: new Date('2026-03-02T02:00:00Z'),
  external_code: externalCode,
}) as unknown as Parameters<typeof insertDossier>[1];

it('a timeline row cannot point at a dossier of another unit (co-located foreign keys)', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  const { rows: [d] } = await sql<{ id: string }>`select id from dossiers where unit_id = ${unitId} limit 1`.execute(t.db);
  await expect(sql`insert into dossier_events (unit_id, receiving_unit_id, dossier_id, action, to_status)
    values (${other}, ${other}, ${d.id}, 'note', 'received')`.execute(t.db)).rejects.toThrow(/dossier_events_dossier_id_fkey/);
  await expect(sql`insert into dossier_pauses (unit_id, receiving_unit_id, dossier_id, started_at)
    values (${other}, ${other}, ${d.id}, now())`.execute(t.db)).rejects.toThrow(/dossier_pauses_dossier_id_fkey/);
  await sql`insert into dossier_pauses (unit_id, receiving_unit_id, dossier_id, started_at)
      values (${unitId}, ${unitId}, ${d.id}, now())`.execute(t.db);
  await sql`delete from dossier_pauses where dossier_id = ${d.id} and ended_at is null
      and started_at > now() - interval '1 minute'`.execute(t.db);
});

it('a dossier code stays unique across units, and one receiving unit keeps one dossier per external code', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  await withUnit(t.appDb, unitId, (trx) => insertDossier(trx, dossier(unitId, unitId, 'KEY-260302-0001', 'EXT-KEY-1')));
  await expect(withUnit(t.appDb, other, (trx) => insertDossier(trx, dossier(other, other, 'KEY-260302-0001'))))
    .rejects.toThrow(/dossier_codes_pkey/);
  // Same receiving unit and external code, another deciding unit: refused by the key, not only by the lock.
  await expect(withUnit(t.appDb, unitId, (trx) => insertDossier(trx, dossier(other, unitId, 'KEY-260302-0002', 'EXT-KEY-1'))))
    .rejects.toThrow(/dossier_external_codes_pkey/);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from dossiers where code like 'KEY-260302-%'`.execute(t.db);
  expect(rows[0].n).toBe(1);
});

it('an import skips a code that another unit already has and inserts the others', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  const csv = `Mã hồ sơ,Tên thủ tục,Lĩnh vực,Người nộp,Số điện thoại,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái
000.00.00.H77-250302-0001,Chứng thực chữ ký,Chứng thực,Nguyễn Thị Hoa,0912000111,Trực tiếp,02/03/2025 08:30,04/03/2025,,Đang xử lý
000.00.00.H77-250302-0002,Đăng ký khai sinh,Hộ tịch,Trần Văn An,0912000112,Trực tuyến,02/03/2025 09:00,02/03/2025,,Đang xử lý
`;
  await withUnit(t.appDb, other, (trx) => insertDossier(trx, dossier(other, other, '000.00.00.H77-250302-0001')));
  const sheet = await readSheet(Buffer.from(csv), 'x.csv', { withTime: true });
  const { ok } = validateSheet(sheet, guessMapping(sheet.headers));
  expect(await importWithCopy(t.rt.pool, t.appDb, unitId, ok)).toMatchObject({ inserted: 1, updated: 0 });
  expect(await importWithCopy(t.rt.pool, t.appDb, unitId, ok)).toMatchObject({ inserted: 0, updated: 1 });
  const { rows } = await sql<{ code: string; unit_id: string }>`select code, unit_id from dossiers
      where code like '000.00.00.H77-%' order by code`.execute(t.db);
  expect(rows).toEqual([{ code: '000.00.00.H77-250302-0001', unit_id: other }, { code: '000.00.00.H77-250302-0002', unit_id: unitId }]);
  const codes = await sql<{ unit_id: string }>`select unit_id from dossier_codes
      where code like '000.00.00.H77-%' order by code`.execute(t.db);
  expect(codes.rows.map((r) => r.unit_id)).toEqual([other, unitId]);
});

it('the migration stops and names the table when a timeline row sits in another unit than its dossier', async () => {
  const t = app();
  const [unitId, other] = await twoUnits();
  const { rows: [d] } = await sql<{ id: string }>`select d.id from dossiers d join dossier_events e on e.dossier_id = d.id
    where d.unit_id = ${unitId} limit 1`.execute(t.db);
  await expect(t.db.transaction().execute(async (trx) => {
    await sql`alter table dossier_events drop constraint dossier_events_dossier_id_fkey`.execute(trx);
    await sql`update dossier_events set unit_id = ${other} where id = (select id from dossier_events
        where dossier_id = ${d.id} limit 1)`.execute(trx);
    await up(trx);
  })).rejects.toThrow(/^dossier_events: 1 row\(s\) have another unit_id than their dossier/);
  const { rows } = await sql`select 1 from pg_constraint where conname = 'dossier_events_dossier_id_fkey'`.execute(t.db);
  expect(rows).toHaveLength(1);
});
