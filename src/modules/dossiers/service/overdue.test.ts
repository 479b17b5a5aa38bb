import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeDeps } from './deps.js';
import { runOverdueSweep } from './overdue.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

test('warns once before the due date and lists late dossiers without an apology', async () => {
  const unitId = await t.unitId();
  await t.db.updateTable('users').set({ email: 'lanhdao@example.vn' }).where('username', '=', 'lanhdao').execute();
  const base = { unit_id: unitId, receiving_unit_id: unitId, procedure_name: 'Đăng ký kết hôn', working_days: 3, applicant_name: 'Lê Thị Mai', channel: 'in_person', status: 'processing', received_at: new Date('2026-02-09T02:00:00Z') };
  await t.db.insertInto('dossiers').values([
    { ...base, code: 'O.T-260209-0001', due_date: '2026-02-23' }, // Monday after Tết: next working day from Friday 13/02
    { ...base, code: 'O.T-260209-0002', due_date: '2026-02-12' }, // late
    { ...base, code: 'O.T-260209-0003', due_date: '2026-02-11', apologies: 1 }, // late but apologised
    { ...base, code: 'O.T-260209-0004', due_date: '2026-02-24' }, // not yet
  ]).execute();
  const deps = { ...makeDeps(t.appDb), now: () => new Date('2026-02-13T01:00:00Z') };
  expect(await runOverdueSweep(deps)).toEqual({ warned: 1, late: 1, emails: 1 });
  const mail = await sql<{ text: string }>`select payload->>'text' as text from outbox where kind = 'email' and payload->>'to' = 'lanhdao@example.vn'`.execute(t.db);
  expect(mail.rows[0].text).toContain('O.T-260209-0001');
  expect(mail.rows[0].text).toContain('O.T-260209-0002');
  expect(mail.rows[0].text).not.toContain('O.T-260209-0003');
  expect(await runOverdueSweep(deps)).toEqual({ warned: 0, late: 1, emails: 1 });
});
