import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeDeps } from './deps.js';
import { issueApology } from './apology.js';
import type { Officer } from './deps.js';
import { receiveDossier } from './intake.js';
import { runOverdueSweep } from './overdue.js';
import { twoDayProcedureKey } from '../test-support.js';
import { transitionDossier } from './transitions.js';

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
  expect(await runOverdueSweep(deps)).toEqual({ warned: 1, late: 1, lateAfterApology: 0, emails: 1 });
  const mail = await sql<{ text: string }>`select payload->>'text' as text from outbox where kind = 'email' and payload->>'to' = 'lanhdao@example.vn'`.execute(t.db);
  expect(mail.rows[0].text).toContain('O.T-260209-0001');
  expect(mail.rows[0].text).toContain('O.T-260209-0002');
  expect(mail.rows[0].text).not.toContain('O.T-260209-0003');
  expect(await runOverdueSweep(deps)).toEqual({ warned: 0, late: 1, lateAfterApology: 0, emails: 1 });
});

test("flags dossiers late against their apology's new date and warns before that new date", async () => {
  const unitId = await t.unitId();
  await t.db.updateTable('dossiers').set({ status: 'returned' }).where('code', 'like', 'O.T-%').execute(); // the first test's
  const base = { unit_id: unitId, receiving_unit_id: unitId, procedure_name: 'Chứng thực chữ ký', working_days: 2, applicant_name: 'Lê Thị Mai', channel: 'in_person', status: 'processing', received_at: new Date('2026-03-02T02:00:00Z'), due_date: '2026-03-04', apologies: 1 };
  await t.db.insertInto('dossiers').values([
    { ...base, code: 'A.P-260302-0001', apology_due_date: '2026-03-09' }, // new date passed too
    { ...base, code: 'A.P-260302-0002', apology_due_date: '2026-03-11' }, // new date is the next working day
    { ...base, code: 'A.P-260302-0003', apology_due_date: '2026-03-20' }, // not yet
  ]).execute();
  const deps = { ...makeDeps(t.appDb), now: () => new Date('2026-03-10T01:00:00Z') }; // Tuesday
  expect(await runOverdueSweep(deps)).toMatchObject({ warned: 1, late: 0, lateAfterApology: 1 });
  const mail = await sql<{ text: string }>`select payload->>'text' as text from outbox where kind = 'email' and payload->>'to' = 'lanhdao@example.vn' order by created_at desc limit 1`.execute(t.db);
  const text = mail.rows[0].text;
  expect(text).toMatch(/quá cả ngày hẹn lại[^]*A\.P-260302-0001 — Chứng thực chữ ký — hạn 04\/03\/2026, hẹn lại 09\/03\/2026/);
  expect(text).toMatch(/sắp đến hạn[^]*A\.P-260302-0002/);
  expect(text).not.toContain('A.P-260302-0003');
  const warned = await t.db.selectFrom('dossiers').select(['code', 'warned_on']).where('code', 'like', 'A.P-%').orderBy('code').execute();
  expect(warned.map((r) => r.warned_on)).toEqual([null, '2026-03-10', null]);
});

test('warned_on is reset when the due date is recomputed or an apology gives a new date', async () => {
  const unitId = await t.unitId();
  const procedureKey = await twoDayProcedureKey(t.appDb, unitId);
  const officer: Officer = { id: null, name: 'Trần Văn Minh', actor: { id: null, name: 'test', unitId, ip: null } };
  const at = (iso: string) => ({ ...makeDeps(t.appDb), now: () => new Date(`${iso}+07:00`) });
  const d = await receiveDossier(at('2026-04-06T09:00:00'), unitId, { procedureKey, applicantName: 'Vũ Văn Hải', applicantPhone: '0912000888', channel: 'in_person', complete: true }, officer);
  expect(d.due_date).toBe('2026-04-08');
  const warnedOn = async () => (await t.db.selectFrom('dossiers').select('warned_on').where('id', '=', d.id).executeTakeFirstOrThrow()).warned_on;
  await runOverdueSweep(at('2026-04-07T07:15:00')); // due the next working day: warned
  expect(await warnedOn()).toBe('2026-04-07');
  await transitionDossier(at('2026-04-07T10:00:00'), unitId, d.code, { action: 'request_supplement', missingPapers: 'Bản chính' }, officer);
  expect(await warnedOn()).toBeNull();
  const back = await transitionDossier(at('2026-04-09T10:00:00'), unitId, d.code, { action: 'supplement' }, officer);
  expect(back.due_date).toBe('2026-04-10'); // 07/04 is day 1; 08/04 and 09/04 (paused) are not counted
  expect(back.warned_on).toBeNull();
  await runOverdueSweep(at('2026-04-10T07:15:00')); // warned again for the new due date
  expect(await warnedOn()).toBe('2026-04-10');
  await issueApology(at('2026-04-10T09:00:00'), unitId, d.code, { reason: 'Chờ xác minh thông tin cư trú', newDueDate: '2026-04-16', leaderName: 'Phạm Văn Hùng', leaderTitle: 'Chủ tịch' }, officer);
  expect(await warnedOn()).toBeNull();
  await runOverdueSweep(at('2026-04-15T07:15:00')); // the new date is tomorrow: warned once more
  expect(await warnedOn()).toBe('2026-04-15');
});
