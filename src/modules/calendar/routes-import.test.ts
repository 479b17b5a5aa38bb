import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { makeDeps, type Officer } from '../dossiers/service/deps.js';
import { receiveDossier } from '../dossiers/service/intake.js';
import { unitProcedures } from '../dossiers/service/procedures.js';
import { transitionDossier } from '../dossiers/service/transitions.js';
import { checkOfficialTable } from './import-table.js';

/**
 * Importing the official 2027 table (an extra swapped day off on Thursday 11/02/2027, worked back
 * on Saturday 20/02) recounts the open dossiers whose deadline crosses it; finished ones stay.
 */
let t: TestApp;
let leader: Session;
let clerk: Session;
let ward: string;
const vn = (s: string) => new Date(`${s}+07:00`);
const officer: Officer = { id: null, name: 'Trần Văn Minh', actor: { id: null, name: 'test', unitId: null, ip: null } };
const depsAt = (at: string) => ({ ...makeDeps(t.appDb), now: () => vn(at) });
const person = { applicantName: 'Nguyễn Thị Hoa', applicantPhone: '0912000123', channel: 'in_person' };
const url = () => `${t.url}/quan-tri/chu-van-an/lich-nghi/nhap-bang`;

function official2027(): Record<string, any> {
  const table = JSON.parse(readFileSync('data/reference/holidays/2027.json', 'utf8'));
  table.days_off.push({ date: '2027-02-11', name_vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 20/02)', name_en: 'Swapped day off', kind: 'swapped_off' });
  table.working_saturdays.push({ date: '2027-02-20', reason: 'Làm bù cho thứ Năm 11/02/2027' });
  return { ...table, confirmed: true, confidence: 'official', source: 'Thông báo số 01/TB-BNV (thử)' };
}

function post(session: Session, fields: Record<string, string>, json = false) {
  return fetch(url(), {
    method: 'POST', redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded', ...(json ? { accept: 'application/json' } : {}) },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });
}

const dossier = async (code: string) =>
  (await sql<any>`select due_date::text as due_date, due_at, due_confidence from dossiers where code = ${code}`.execute(t.db)).rows[0];
const eventsOf = async (code: string) =>
  (await sql<any>`select e.action, e.note from dossier_events e join dossiers d on d.id = e.dossier_id
    where d.code = ${code} and e.action = 'due_recomputed'`.execute(t.db)).rows;

beforeAll(async () => {
  t = await startTestApp();
  ward = await t.unitId('chu-van-an');
  leader = await t.login('lanhdao');
  clerk = await t.login('motcua');
});
afterAll(async () => { await t?.close(); });

describe('checkOfficialTable', () => {
  it('accepts the shipped tables and explains problems in Vietnamese', () => {
    expect(checkOfficialTable(readFileSync('data/reference/holidays/2026.json', 'utf8')).ok).toBe(true);
    expect(checkOfficialTable('{ "year": 2027, ')).toMatchObject({ ok: false, errors: [expect.stringContaining('không phải JSON hợp lệ')] });
    const bad = checkOfficialTable(JSON.stringify({ year: 2027, days_off: [{ date: '2028-01-01', name_vi: 'X', name_en: 'X', kind: 'statutory' }],
      working_saturdays: [{ date: '2027-02-17', reason: 'x' }], confirmed: true }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual(expect.arrayContaining([
      'Thiếu nguồn (source): số, ngày văn bản thông báo chính thức.',
      'Ngày nghỉ thứ 1: ngày 2028-01-01 không thuộc năm 2027.',
      'Ngày làm bù thứ 1: ngày 2027-02-17 không phải thứ Bảy hoặc Chủ nhật.',
    ]));
    expect(checkOfficialTable(JSON.stringify({ ...official2027(), confirmed: false })).ok).toBe(false);
  });
});

describe('/quan-tri/{unit}/lich-nghi/nhap-bang', () => {
  it('is for admins and leaders only (403 for the one-stop clerk), and needs a login', async () => {
    expect((await fetch(url(), { headers: { cookie: clerk.cookie } })).status).toBe(403);
    expect((await post(clerk, { table: JSON.stringify(official2027()) })).status).toBe(403);
    expect((await fetch(url(), { redirect: 'manual' })).status).not.toBe(200);
    const page = await fetch(url(), { headers: { cookie: leader.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Chưa có hồ sơ nào đổi ngày hẹn trả');
  });

  it('rejects bad JSON with 422 and a Vietnamese message (page and JSON), storing nothing', async () => {
    const page = await post(leader, { table: '{ "year": 2027, "days_off": [' });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain('Nội dung không phải JSON hợp lệ');
    const api = await post(leader, { table: JSON.stringify({ ...official2027(), source: '' }) }, true);
    expect(api.status).toBe(422);
    expect(((await api.json()) as any).error.message).toContain('Thiếu nguồn (source)');
    const stored = await sql<any>`select count(*)::int as n from calendar_holiday_tables`.execute(t.db);
    expect(stored.rows[0].n).toBe(0);
  });

  it('stores the year as official, recounts the open dossier crossing the new day off, lists it, leaves a finished one', async () => {
    const procedureKey = (await unitProcedures(t.appDb, ward)).find((p) => p.limit.kind === 'working_days' && p.workingDays === 2)!.key;
    // Accepted Wed 03/02/2027: computed Tết 04–10/02 → 11/02 and 12/02 are the two working days.
    const open = await receiveDossier(depsAt('2027-02-03T09:00:00'), ward, { ...person, procedureKey, complete: true }, officer);
    const done = await receiveDossier(depsAt('2027-02-03T09:30:00'), ward, { ...person, procedureKey, complete: true }, officer);
    await transitionDossier(depsAt('2027-02-03T10:00:00'), ward, done.code, { action: 'start_processing' }, officer);
    await transitionDossier(depsAt('2027-02-03T11:00:00'), ward, done.code, { action: 'approve' }, officer);
    // Before 2027 (computed) is crossed: the due date says so.
    expect(await dossier(open.code)).toMatchObject({ due_date: '2027-02-12', due_confidence: 'computed' });
    const doneBefore = await dossier(done.code);
    expect(doneBefore.due_date).toBe('2027-02-12');

    const res = await post(leader, { table: JSON.stringify(official2027()) }, true);
    expect(res.status).toBe(200);
    const body = await res.json() as any;
    expect(body.year).toBe(2027);
    expect(body.changes).toEqual([{
      code: open.code, old_due: '2027-02-12T17:00:00+07:00', new_due: '2027-02-15T17:00:00+07:00',
      old_due_date: '2027-02-12', new_due_date: '2027-02-15',
    }]);
    // 11/02 is now off: 12/02 and Monday 15/02; the year is official now.
    expect(await dossier(open.code)).toMatchObject({ due_date: '2027-02-15', due_confidence: 'official' });
    expect(await dossier(done.code)).toEqual(doneBefore);
    expect(await eventsOf(open.code)).toEqual([{ action: 'due_recomputed', note: expect.stringContaining('Lịch nghỉ chính thức năm 2027') }]);
    expect(await eventsOf(done.code)).toEqual([]);
    const stored = (await sql<any>`select unit_id, year, confidence from calendar_holiday_tables`.execute(t.db)).rows;
    expect(stored).toEqual([{ unit_id: ward, year: 2027, confidence: 'official' }]);
    const audits = (await sql<any>`select action from audit_log where action in ('calendar.table_import', 'dossier.due_recomputed') order by id`
      .execute(t.db)).rows.map((r) => r.action);
    expect(audits).toEqual(['calendar.table_import', 'dossier.due_recomputed']);
    // The public calendar shows the new day off at once (cache dropped).
    expect(await (await fetch(`${t.url}/chu-van-an/lich-nghi?nam=2027`)).text()).toContain('11/02/2027');

    // The clerk's list stays reachable; the form import again (same table) changes nothing more.
    const page = await (await fetch(url(), { headers: { cookie: leader.cookie } })).text();
    expect(page).toContain(open.code);
    expect(page).not.toContain(done.code);
    const again = await post(leader, { table: JSON.stringify(official2027()) });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Không hồ sơ đang giải quyết nào đổi ngày hẹn trả');
  });
});
