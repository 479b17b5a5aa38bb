/** Staff and public pages with the demo data, and the case, reception and visit workflows over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import sharp from 'sharp';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { addDays, vnToday } from '../../../lib/vn-calendar/index.js';
import { insertReceptionRating } from '../../centre/test-support.js';

let t: TestApp;
let head: Session;
const L = '/quan-tri/chu-van-an/lanh-dao';
const form = (s: Session, path: string, fields: Record<string, string>) => fetch(`${t.url}${path}`, {
  method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
});
const page = async (s: Session, path: string) => {
  const r = await fetch(`${t.url}${path}`, { headers: { cookie: s.cookie } });
  return { status: r.status, html: await r.text() };
};
const today = vnToday;
const daysAgo = (n: number) => addDays(vnToday(), -n);

beforeAll(async () => {
  ({ t, session: head } = await startLoggedInApp('chutich', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
}, 120_000);
afterAll(() => t?.close());

describe('leadership pages', () => {
  it('every staff page has demo content', async () => {
    const official = (await sql<{ id: string }>`select id from users where username = 'motcua'`.execute(t.db)).rows[0].id;
    const visit = (await sql<{ id: string }>`select id from leadership_visits where status = 'held' limit 1`.execute(t.db)).rows[0].id;
    const session = (await sql<{ id: string }>`select id from leadership_receptions where kind = 'ad_hoc' limit 1`.execute(t.db)).rows[0].id;
    const code = (await sql<{ code: string }>`select code from leadership_cases order by code limit 1`.execute(t.db)).rows[0].code;
    const expectations: [string, string][] = [
      [L, 'Tuần có lãnh đạo xuống tổ dân phố'], [`${L}/vu-viec`, 'Thống kê theo loại và trạng thái'], [`${L}/vu-viec/${code}`, 'Hạn thụ lý'],
      [`${L}/vu-viec/moi`, 'Ghi nhận đơn mới'], [`${L}/phan-anh-can-bo`, 'quầy số 2'], [`${L}/tiep-cong-dan`, 'Nguyễn Thị Thanh Hương'],
      [`${L}/tiep-cong-dan/${session}`, 'Tiếng ồn công trình'], [`${L}/tiep-cong-dan`, 'luật định ít nhất 1 ngày/tuần'], [`${L}/tiep-cong-dan/so`, 'Người tố cáo (giữ bí mật)'],
      [`${L}/xuong-co-so`, 'Độ phủ các tổ dân phố'], [`${L}/xuong-co-so/${visit}`, 'Ý kiến người dân nêu'], [`${L}/can-bo`, 'CVA-0'],
      [`${L}/can-bo/${official}`, 'Bồi dưỡng, đào tạo'], [`${L}/can-bo/ky-luat`, 'Không đeo thẻ'], [`${L}/can-bo/${official}/the`, '<svg'],
    ];
    for (const [path, text] of expectations) {
      const r = await page(head, path);
      expect(r.status, path).toBe(200);
      expect(r.html, path).toContain(text);
    }
    const seeded = (await page(head, `${L}/tiep-cong-dan/so`)).html;
    expect(seeded).not.toContain('Nguyễn Hữu Tâm'); // the demo denouncer
    expect(seeded).toContain('Lê Thị Oanh'); // a complainant is named in the book
  });

  it('the per-official page rolls up citizens\' ratings of that official and conduct reports about them', async () => {
    const unitId = await t.unitId('chu-van-an');
    const official = (await sql<{ id: string }>`select id from users where username = 'vanhoa'`.execute(t.db)).rows[0].id;
    for (const score of ['satisfied', 'satisfied', 'unsatisfied'] as const) {
      await insertReceptionRating(t.db, unitId, { channel: 'qr', officerUserId: official, score });
    }
    await sql`update leadership_conduct_reports set official_id = ${official} where feedback_code is null`.execute(t.db);
    const html = (await page(head, `${L}/can-bo/${official}`)).html;
    expect(html).toContain('3 lượt: 2 hài lòng, 0 bình thường, 1 không hài lòng');
    expect(html).toContain('1 phản ánh (1 đang xem xét, 0 thành vụ việc)');
  });

  it('public pages: the code of conduct and an official\'s page from the badge QR', async () => {
    const code = await (await fetch(`${t.url}/chu-van-an/quy-tac-ung-xu`)).text();
    for (const s of ['Xin chào', 'Luôn lắng nghe', 'Không quan liêu, vô cảm, vô trách nhiệm', 'Thứ Hai và thứ Sáu']) expect(code).toContain(s);
    const badge = (await sql<{ badge_no: string }>`select p.badge_no from leadership_profiles p join users u on u.id = p.user_id where u.username = 'motcua'`.execute(t.db)).rows[0].badge_no;
    const r = await fetch(`${t.url}/chu-van-an/can-bo/${badge}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const s of ['Phạm Thu Trang', 'Công chức Trung tâm PVHCC', 'Trung tâm Phục vụ hành chính công', 'Điện thoại']) expect(html).toContain(s);
    expect((await fetch(`${t.url}/chu-van-an/can-bo/KHONG-CO`)).status).toBe(404);
    expect((await fetch(`${t.url}${L}/vu-viec`, { redirect: 'manual' })).status).toBe(303); // to the login page
  });
});

describe('case workflow over HTTP', () => {
  it('a complaint lodged after 90 days cannot be accepted', async () => {
    const res = await form(head, `${L}/vu-viec`, { kind: 'complaint', matter: 'Khiếu nại quyết định cũ', receivedOn: today(), decisionKnownOn: daysAgo(120),
      partyName1: 'Lý Văn Muộn' });
    expect(res.status).toBe(303);
    const path = res.headers.get('location')!;
    expect((await page(head, path)).html).toContain('quá thời hiệu 90 ngày');
    const accept = await form(head, `${path}/buoc`, { action: 'accept', on: today() });
    expect(accept.status).toBe(422);
  });

  it('a denunciation is extended at most twice by a recorded decision, then settled', async () => {
    const res = await form(head, `${L}/vu-viec`, { kind: 'denunciation', matter: 'Tố cáo cán bộ nhận quà biếu', receivedOn: today(),
      partyName1: 'Tôn Nữ Hạnh', partyName2: 'Tôn Thất Bảo', complex: '0' });
    const path = res.headers.get('location')!;
    expect(await partyCount(path)).toBe(2);
    expect((await form(head, `${path}/buoc`, { action: 'accept', on: today() })).status).toBe(303);
    expect((await form(head, `${path}/buoc`, { action: 'extend', decisionNo: '' })).status).toBe(422);
    for (const n of ['01/QĐ-GH', '02/QĐ-GH']) expect((await form(head, `${path}/buoc`, { action: 'extend', decisionNo: n })).status).toBe(303);
    const third = await form(head, `${path}/buoc`, { action: 'extend', decisionNo: '03/QĐ-GH' });
    expect(third.status).toBe(422);
    expect(await third.text()).toContain('tối đa hai lần');
    const row = (await sql<{ accepted_on: string; resolve_due: string; extensions: number }>`select accepted_on, resolve_due, extensions from leadership_cases
      where code = ${path.split('/').pop()!}`.execute(t.db)).rows[0];
    expect(row.extensions).toBe(2);
    expect(row.resolve_due).toBe(addDays(row.accepted_on, 90));
    expect((await form(head, `${path}/buoc`, { action: 'resolve', on: today(), outcome: 'Tố cáo đúng một phần.' })).status).toBe(303);
    expect((await page(head, path)).html).toContain('Đã giải quyết');
  });

  it('an anonymous denunciation is kept as information, not a case', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from leadership_cases`.execute(t.db)).rows[0].n;
    const res = await form(head, `${L}/vu-viec`, { kind: 'denunciation', matter: 'Thư không ký tên tố cáo cán bộ', receivedOn: today() });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Điều 25 Luật Tố cáo');
    expect((await sql<{ n: number }>`select count(*)::int as n from leadership_cases`.execute(t.db)).rows[0].n).toBe(before);
    const info = await sql<{ status: string }>`select status from leadership_conduct_reports where content = 'Thư không ký tên tố cáo cán bộ'`.execute(t.db);
    expect(info.rows).toEqual([{ status: 'information' }]);
  });

  it('validation errors are 422 with Vietnamese messages', async () => {
    const res = await form(head, `${L}/vu-viec`, { kind: 'complaint', matter: 'x', receivedOn: '2099-01-01' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Ngày nhận đơn không hợp lệ');
    expect((await page(head, `${L}/vu-viec/KN-1-1`)).status).toBe(404);
  });
});

describe('field visits', () => {
  it('records attendance, photos and raised items; an item becomes a feedback item', async () => {
    const group = (await sql<{ id: string }>`select id from residential_groups where code = 'TDP07' and unit_id = ${await t.unitId('chu-van-an')}`.execute(t.db)).rows[0].id;
    const plan = await form(head, `${L}/xuong-co-so`, { groupId: group, plannedOn: today(), activity: 'Dự họp tổ dân phố' });
    expect(plan.status).toBe(303);
    const path = plan.headers.get('location')!;
    const viewer = await t.login('xem');
    const leader = (await sql<{ id: string }>`select id from users where username = 'chutich'`.execute(t.db)).rows[0].id;
    const clerk = (await sql<{ id: string }>`select id from users where username = 'motcua'`.execute(t.db)).rows[0].id;
    const body = new FormData();
    body.set('_csrf', head.csrf);
    body.set('heldOn', today());
    body.append('leaders', leader);
    body.append('leaders', clerk); // not a manager: ignored
    body.set('raised', 'Đề nghị lắp thêm camera an ninh đầu ngõ\nXin sửa biển tên ngõ');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } }).png().toBuffer();
    body.append('photos', new Blob([png], { type: 'image/png' }), 'anh.png');
    const rec = await fetch(`${t.url}${path}/ket-qua`, { method: 'POST', redirect: 'manual', headers: { cookie: head.cookie }, body });
    expect(rec.status).toBe(303);
    const v = (await sql<{ status: string; leader_ids: string[] }>`select status, leader_ids from leadership_visits where id = ${path.split('/').pop()!}`.execute(t.db)).rows[0];
    expect(v).toEqual({ status: 'held', leader_ids: [leader] });
    const html = (await page(viewer, path)).html;
    expect(html).toContain('Đề nghị lắp thêm camera an ninh đầu ngõ');
    expect(html).toMatch(/<img src="[^"]+\/anh\//);
    const item = (await sql<{ id: string }>`select id from leadership_visit_items where content = 'Xin sửa biển tên ngõ'`.execute(t.db)).rows[0].id;
    expect((await form(viewer, `${path}/y-kien/${item}/phan-anh`, {})).status).toBe(403);
    expect((await form(head, `${path}/y-kien/${item}/phan-anh`, {})).status).toBe(303);
    const fb = await sql<{ code: string; channel: string; content: string }>`select f.code, f.channel, f.content from feedback f
      join leadership_visit_items i on i.feedback_code = f.code where i.id = ${item}`.execute(t.db);
    expect(fb.rows[0]).toMatchObject({ channel: 'in_person', content: 'Xin sửa biển tên ngõ' });
    expect((await form(head, `${path}/y-kien/${item}/phan-anh`, {})).status).toBe(409);
  });

  it('refuses a visit without a leader or manager present', async () => {
    const group = (await sql<{ id: string }>`select id from residential_groups where code = 'TDP08' limit 1`.execute(t.db)).rows[0].id;
    const path = (await form(head, `${L}/xuong-co-so`, { groupId: group, plannedOn: today(), activity: 'Dọn vệ sinh' })).headers.get('location')!;
    const res = await form(head, `${path}/ket-qua`, { heldOn: today() });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('ít nhất một lãnh đạo, quản lý');
  });
});

async function partyCount(path: string): Promise<number> {
  const id = (await sql<{ id: string }>`select id from leadership_cases where code = ${path.split('/').pop()!}`.execute(t.db)).rows[0].id;
  return (await sql<{ n: number }>`select count(*)::int as n from leadership_identities where owner_id = ${id}`.execute(t.db)).rows[0].n;
}
