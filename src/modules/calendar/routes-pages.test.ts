import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
let leader: Session;
let wardId: string;
const staffUrl = (unit = 'chu-van-an') => `${t.url}/quan-tri/${unit}/lich-nghi`;

function post(session: Session, url: string, fields: Record<string, string>, csrf = true) {
  return fetch(url, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(csrf ? { _csrf: session.csrf, ...fields } : fields).toString(),
  });
}

const overridesOf = async (unitId: string) =>
  (await sql<any>`select id, date::text as date, kind, reason, created_by from calendar_overrides where unit_id = ${unitId} order by date`.execute(t.db)).rows;
const auditsOf = async (action: string) =>
  (await sql<any>`select actor_name, entity_id, before, after, unit_id from audit_log where action = ${action} order by id`.execute(t.db)).rows;
const dueFor = async (q: string) => (await (await fetch(`${t.url}/api/v1/calendar/due?${q}`)).json() as any).due_date;

beforeAll(async () => {
  t = await startTestApp();
  wardId = await t.unitId('chu-van-an');
  leader = await t.login('lanhdao');
});
afterAll(async () => { await t?.close(); });

describe('public page /{unit}/lich-nghi', () => {
  it('lists the year\'s days off and working Saturdays, in Vietnamese and English', async () => {
    const res = await fetch(`${t.url}/chu-van-an/lich-nghi?nam=2026`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Lịch nghỉ lễ, Tết năm 2026');
    expect(html).toContain('17/02/2026');
    expect(html).toContain('Tết Nguyên đán Bính Ngọ (mùng 1)');
    expect(html).toContain('10/01/2026');
    expect(html).toContain('Theo thông báo chính thức'); // 2026 is official (RULES-VN §1.4)
    const en = await (await fetch(`${t.url}/chu-van-an/lich-nghi?nam=2030&lang=en`)).text();
    expect(en).toContain('Public holidays 2030');
    expect(en).toContain('No official notice yet');
    expect(en).toContain('02/02/2030');
  });

  it('answers 400 with a message for a bad year and 404 for an unknown unit', async () => {
    // query strings are validated by schema (issue 11): a bad year is the client's error, never a 500
    const bad = await fetch(`${t.url}/chu-van-an/lich-nghi?nam=abc`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('nam');
    expect((await fetch(`${t.url}/khong-co/lich-nghi`)).status).toBe(404);
  });
});

describe('staff page /quan-tri/{unit}/lich-nghi', () => {
  it('is for admins and leaders only', async () => {
    expect((await fetch(staffUrl(), { redirect: 'manual' })).status).toBe(303);
    for (const who of ['motcua', 'xem', 'vanhoa']) {
      const s = await t.login(who);
      expect((await fetch(staffUrl(), { headers: { cookie: s.cookie } })).status, who).toBe(403);
      expect((await post(s, staffUrl(), { date: '2026-03-10', kind: 'off', reason: 'Không được phép' })).status, who).toBe(403);
    }
    const admin = await t.createStaff('admin');
    const adminSession = await t.login(admin.username, admin.password);
    expect((await fetch(staffUrl(), { headers: { cookie: adminSession.cookie } })).status).toBe(200);
    const page = await (await fetch(`${staffUrl()}?nam=2026`, { headers: { cookie: leader.cookie } })).text();
    expect(page).toContain('Lịch nghỉ và ngày làm việc năm 2026');
    expect(page).toContain('Nghỉ bù');
    expect(await overridesOf(wardId)).toEqual([]);
  });

  it('adds an override with an audit entry in the same transaction, and deadlines follow', async () => {
    expect(await dueFor('start=2026-02-12T09:00&working_days=2&unit=chu-van-an')).toBe('2026-02-23');
    const res = await post(leader, staffUrl(), { date: '2026-02-23', kind: 'off', reason: '  Nghỉ do bão   số 1 ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/chu-van-an/lich-nghi?nam=2026&da-luu');
    const rows = await overridesOf(wardId);
    expect(rows).toMatchObject([{ date: '2026-02-23', kind: 'off', reason: 'Nghỉ do bão số 1' }]);
    expect(rows[0].created_by).not.toBeNull();
    const audits = await auditsOf('calendar.override_add');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity_id: rows[0].id, unit_id: wardId, after: { date: '2026-02-23', kind: 'off', reason: 'Nghỉ do bão số 1' } });
    expect(audits[0].actor_name).toContain('lanhdao');
    expect(await dueFor('start=2026-02-12T09:00&working_days=2&unit=chu-van-an')).toBe('2026-02-24');
    const page = await (await fetch(`${t.url}${res.headers.get('location')}`, { headers: { cookie: leader.cookie } })).text();
    expect(page).toContain('Đã lưu điều chỉnh lịch.');
    expect(page).toContain('Nghỉ do bão số 1');
  });

  it('refuses bad input (422), a duplicate date (409) and a post without CSRF, writing nothing', async () => {
    const bad = await post(leader, staffUrl(), { date: '2026-02-30', kind: 'nghi', reason: 'a' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Nhập ngày theo dạng năm-tháng-ngày');
    expect(html).toContain('Chọn “Nghỉ” hoặc “Làm việc”.');
    expect(html).toContain('Nhập lý do từ 3 đến 300 ký tự.');
    expect((await post(leader, staffUrl(), { date: '2026-02-23', kind: 'work', reason: 'Lần hai' })).status).toBe(409);
    expect((await post(leader, staffUrl(), { date: '2026-03-10', kind: 'off', reason: 'Không có mã' }, false)).status).toBe(403);
    expect(await overridesOf(wardId)).toHaveLength(1);
    expect(await auditsOf('calendar.override_add')).toHaveLength(1);
  });

  it('removes an override (audited with what it was)', async () => {
    const [row] = await overridesOf(wardId);
    const res = await post(leader, `${staffUrl()}/${row.id}/xoa`, { nam: '2026' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/chu-van-an/lich-nghi?nam=2026&da-xoa');
    expect(await overridesOf(wardId)).toEqual([]);
    const audits = await auditsOf('calendar.override_remove');
    expect(audits).toMatchObject([{ entity_id: row.id, before: { date: '2026-02-23', kind: 'off', reason: 'Nghỉ do bão số 1' } }]);
    expect(await dueFor('start=2026-02-12T09:00&working_days=2&unit=chu-van-an')).toBe('2026-02-23');
    expect((await post(leader, `${staffUrl()}/${row.id}/xoa`, {})).status).toBe(404);
  });

  it('a city-wide override reaches the ward, which sees it but cannot remove it', async () => {
    const cityAdmin = await t.createStaff('admin', 'hai-phong');
    const city = await t.login(cityAdmin.username, cityAdmin.password);
    expect((await post(city, staffUrl('hai-phong'), { date: '2026-03-09', kind: 'off', reason: 'Nghỉ theo Công điện của UBND thành phố' })).status).toBe(303);
    const [cityRow] = await overridesOf(await t.unitId('hai-phong'));
    expect(await dueFor('start=2026-03-06T09:00&working_days=1&unit=chu-van-an')).toBe('2026-03-10');
    const page = await (await fetch(`${staffUrl()}?nam=2026`, { headers: { cookie: leader.cookie } })).text();
    expect(page).toContain('Nghỉ theo Công điện của UBND thành phố');
    expect(page).toContain('Thành phố');
    expect(page).not.toContain(`${cityRow.id}/xoa`);
    expect((await post(leader, `${staffUrl()}/${cityRow.id}/xoa`, {})).status).toBe(404);
    expect((await post(leader, staffUrl(), { date: '2026-03-09', kind: 'work', reason: 'Phường vẫn làm việc' })).status).toBe(303);
    expect(await dueFor('start=2026-03-06T09:00&working_days=1&unit=chu-van-an')).toBe('2026-03-09');
    expect((await post(city, staffUrl('chu-van-an'), { date: '2026-03-11', kind: 'off', reason: 'x y z' })).status).toBe(403);
  });

  it('sets and clears the cut-off time (audited), refusing a malformed one', async () => {
    expect((await post(leader, `${staffUrl()}/gio-chot`, { cutoff: '25:00', nam: '2026' })).status).toBe(422);
    expect((await post(leader, `${staffUrl()}/gio-chot`, { cutoff: '15:00', nam: '2026' })).status).toBe(303);
    expect(await dueFor('start=2026-03-04T15:30&working_days=0&unit=chu-van-an')).toBe('2026-03-05');
    expect((await post(leader, `${staffUrl()}/gio-chot`, { cutoff: '', nam: '2026' })).status).toBe(303);
    expect(await dueFor('start=2026-03-04T15:30&working_days=0&unit=chu-van-an')).toBe('2026-03-04');
    expect((await auditsOf('calendar.settings_set')).map((a) => a.after)).toEqual([
      { cutoff: '15:00', working_hours: null }, { cutoff: null, working_hours: null },
    ]);
  });
});
