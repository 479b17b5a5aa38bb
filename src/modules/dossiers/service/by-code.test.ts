import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { findDossierByCode } from '../index.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

test('findDossierByCode: id, code and status for the deciding or receiving unit only', async () => {
  const units = await sql<{ id: string }>`select id from units where type <> 'city' order by slug limit 3`.execute(t.db);
  const [a, b, c] = units.rows.map((r) => r.id);
  const code = 'F.B-260302-0001';
  await t.db.insertInto('dossiers').values({
    unit_id: a, receiving_unit_id: b, code, procedure_name: 'Chứng thực chữ ký', working_days: 1, applicant_name: 'Lê Văn Nam',
    applicant_phone: '0912000111', channel: 'in_person', status: 'processing', received_at: new Date('2026-03-02T02:00:00Z'),
  }).execute();
  const found = await findDossierByCode(t.appDb, b, ' f.b-260302-0001 ');
  expect(found).toEqual({ id: expect.any(String), code, status: 'processing' });
  expect(Object.keys(found!).sort()).toEqual(['code', 'id', 'status']);
  expect(await findDossierByCode(t.appDb, a, code)).not.toBeNull();
  expect(await findDossierByCode(t.appDb, c, code)).toBeNull();
  expect(await findDossierByCode(t.appDb, a, "x' or 1=1")).toBeNull();
});
