import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { auditRows, postForm } from './test-helpers.js';

let t: TestApp;
let leader: Session;
beforeAll(async () => { t = await startTestApp(); leader = await t.login('lanhdao'); });
afterAll(async () => { await t?.close(); });

const entry = { grouping: 'department', department: 'Phòng Văn hóa - Xã hội', full_name: 'Nguyễn Thị Hoa', title: 'Chuyên viên; thư ký', duties: 'Văn hóa, thông tin', phone: '0912 000 999', email: 'hoa@chuvanan.example.vn', sort_order: '9' };

describe('staff permissions', () => {
  it('sends anonymous visitors to the login page and refuses other roles', async () => {
    const anon = await fetch(`${t.url}/quan-tri/chu-van-an/danh-ba`, { redirect: 'manual' });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/dang-nhap/);
    const viewer = await t.login('xem');
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/danh-ba`, { headers: { cookie: viewer.cookie } })).status).toBe(403);
    const officer = await t.login('motcua');
    expect((await postForm(t, officer, '/quan-tri/chu-van-an/danh-ba', entry)).status).toBe(403);
    expect((await postForm(t, officer, '/quan-tri/chu-van-an/lich-cong-tac', {})).status).toBe(403);
  });

  it('refuses a form without the CSRF token', async () => {
    const res = await postForm(t, null, '/quan-tri/chu-van-an/danh-ba', entry);
    expect([403, 303]).toContain(res.status);
    const forged = await fetch(`${t.url}/quan-tri/chu-van-an/danh-ba`, { method: 'POST', redirect: 'manual', headers: { cookie: leader.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(entry) });
    expect(forged.status).toBe(403);
  });
});

describe('directory editing', () => {
  it('creates, updates and deletes an entry, each audited', async () => {
    const created = await postForm(t, leader, '/quan-tri/chu-van-an/danh-ba', entry);
    expect(created.status).toBe(303);
    const row = await t.db.selectFrom('directory_entries').selectAll().where('full_name', '=', 'Nguyễn Thị Hoa').executeTakeFirstOrThrow();
    const [a] = await auditRows(t, 'transparency.directory.create');
    expect(a.entity_id).toBe(row.id);
    expect(a.actor_name).toContain('lanhdao');
    const vcf = await (await fetch(`${t.url}/chu-van-an/danh-ba/${row.id}.vcf`)).text();
    expect(vcf).toContain('TITLE:Chuyên viên\\; thư ký');
    expect((await postForm(t, leader, `/quan-tri/chu-van-an/danh-ba/${row.id}`, { ...entry, title: 'Chuyên viên chính' })).status).toBe(303);
    expect((await auditRows(t, 'transparency.directory.update'))[0].entity_id).toBe(row.id);
    expect((await postForm(t, leader, `/quan-tri/chu-van-an/danh-ba/${row.id}/xoa`, {})).status).toBe(303);
    expect((await auditRows(t, 'transparency.directory.delete'))[0].entity_id).toBe(row.id);
    expect((await postForm(t, leader, `/quan-tri/chu-van-an/danh-ba/${row.id}/xoa`, {})).status).toBe(404);
  });

  it('answers 422 with Vietnamese errors and writes nothing', async () => {
    const before = await auditRows(t, 'transparency.directory.create');
    const res = await postForm(t, leader, '/quan-tri/chu-van-an/danh-ba', { ...entry, full_name: '', phone: 'abc' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Họ và tên: không được để trống');
    expect(html).toContain('Số điện thoại không hợp lệ');
    expect(await auditRows(t, 'transparency.directory.create')).toHaveLength(before.length);
  });
});

describe('calendar editing', () => {
  it('adds an event that appears in the week and the ICS feed', async () => {
    const res = await postForm(t, leader, '/quan-tri/chu-van-an/lich-cong-tac', {
      owner: 'chairman', title: 'Kiểm tra công trình nhà văn hóa tổ 9', starts_at: '2031-03-04T08:00', ends_at: '2031-03-04T10:00', place: 'Tổ dân phố số 9', chair: 'Chủ tịch', participants: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('tuan=2031-W10');
    const week = await (await fetch(`${t.url}/api/v1/units/chu-van-an/calendar?week=2031-W10&owner=chairman`)).json() as { items: { title: string; starts_at: string }[] };
    expect(week.items).toEqual([expect.objectContaining({ title: 'Kiểm tra công trình nhà văn hóa tổ 9', starts_at: '2031-03-04T01:00:00.000Z' })]);
    expect(await auditRows(t, 'transparency.calendar.create')).toHaveLength(1);
    const bad = await postForm(t, leader, '/quan-tri/chu-van-an/lich-cong-tac', { owner: 'chairman', title: 'x', starts_at: '2031-03-04T10:00', ends_at: '2031-03-04T08:00' });
    expect(bad.status).toBe(422);
  });
});

describe('reception schedule editing', () => {
  it('adds a weekly slot, stops it, and updates the rules, audited', async () => {
    expect((await postForm(t, leader, '/quan-tri/chu-van-an/tiep-cong-dan', {
      leader_name: 'Vũ Thị Mai Anh', leader_title: 'Phó Chủ tịch UBND phường', recurrence: 'weekly', weekday: '2', start_time: '14:00', end_time: '16:00', place: 'Phòng tiếp công dân',
    })).status).toBe(303);
    const [a] = await auditRows(t, 'transparency.reception.create');
    const api = await (await fetch(`${t.url}/api/v1/units/chu-van-an/reception`)).json() as { schedule: { id: string }[] };
    expect(api.schedule.map((s) => s.id)).toContain(a.entity_id);
    expect((await postForm(t, leader, `/quan-tri/chu-van-an/tiep-cong-dan/${a.entity_id}/ngung`, {})).status).toBe(303);
    expect((await postForm(t, leader, '/quan-tri/chu-van-an/tiep-cong-dan/noi-quy', { title: 'Nội quy mới', body: 'Điều 1. Giữ trật tự.' })).status).toBe(303);
    expect((await auditRows(t, 'transparency.reception_rules.update'))).toHaveLength(1);
    expect(await (await fetch(`${t.url}/chu-van-an/tiep-cong-dan`)).text()).toContain('Điều 1. Giữ trật tự.');
  });
});
