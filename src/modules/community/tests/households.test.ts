import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { addHousehold, form, groupIds, UNIT } from './support.js';

let t: TestApp;
let leader: Session;
let g: Record<string, string>;
const base = () => `${t.url}/quan-tri/${UNIT}/cong-dong`;
const QR = '031090123456|031234567|Vũ Thị Quét|01011990|Nữ|Số 8 ngõ 12 Chu Văn An, Hải Phòng|15042021';

beforeAll(async () => {
  ({ t, session: leader } = await startLoggedInApp('lanhdao', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
  g = await groupIds(t);
}, 120_000);
afterAll(() => t?.close());

describe('households with CCCD numbers', () => {
  test('a pasted chip-card QR fills the identity fields', async () => {
    const res = await fetch(`${base()}/ho/moi`, form(leader, { action: 'qr', qr: QR, group_id: g.TDP05 }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('value="Vũ Thị Quét"');
    expect(html).toContain('value="1990-01-01"');
    expect(html).toContain('value="Số 8 ngõ 12 Chu Văn An, Hải Phòng"');
    const bad = await fetch(`${base()}/ho/moi`, form(leader, { action: 'qr', qr: 'abc' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Chuỗi QR không đúng dạng');
  });

  test('the number is stored encrypted and shown masked; a second household with it is refused', async () => {
    const fields = { action: 'save', group_id: g.TDP05, head_name: 'Vũ Thị Quét', head_cccd: '031090123456',
      head_birth_date: '1990-01-01', head_sex: 'Nữ',
      address: 'Số 8 ngõ 12', phone: '0912 777 001', members: 'Ngô Văn Chồng\nNgô Thị Con', app_status: 'declared', app_since: '2026-01-10' };
    const res = await fetch(`${base()}/ho/moi`, form(leader, fields));
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.split('/').pop()!.split('?')[0];
    const { rows } = await sql<{ cccd_enc: string; cccd_hmac: string; full_name: string }>`select cccd_enc, cccd_hmac, full_name from community_members
      where household_id = ${id} order by position`.execute(t.db);
    expect(rows.map((r) => r.full_name)).toEqual(['Vũ Thị Quét', 'Ngô Văn Chồng', 'Ngô Thị Con']);
    expect(rows[0].cccd_enc).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain('031090123456');
    const page = await (await fetch(`${base()}/ho/${id}`, { headers: { cookie: leader.cookie } })).text();
    expect(page).toContain('031*******56');
    expect(page).not.toContain('031090123456');
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where after::text like '%031090123456%'`.execute(t.db);
    expect(audit.rows[0].n).toBe(0);
    const dup = await fetch(`${base()}/ho/moi`, form(leader, { ...fields, head_name: 'Người Khác', address: 'Số 9' }));
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('Số CCCD này đã được đăng ký cho một hộ khác.');
    // editing without retyping the number keeps it
    const edit = await fetch(`${base()}/ho/${id}`, form(leader, { ...fields, head_cccd: '', phone: '0912777002' }));
    expect(edit.status).toBe(303);
    expect((await sql<{ cccd_enc: string }>`select cccd_enc from community_members where household_id = ${id} and is_head`.execute(t.db)).rows[0].cccd_enc).toBe(rows[0].cccd_enc);
  });

  test('validation errors are clear and in Vietnamese', async () => {
    const res = await fetch(`${base()}/ho/moi`, form(leader, { action: 'save', group_id: g.TDP05, head_cccd: '123', phone: '12',
      app_status: 'confirmed' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const msg of ['Nhập họ tên chủ hộ.', 'Nhập địa chỉ của hộ.', 'Số CCCD phải gồm đúng 12 chữ số.',
      'Số điện thoại di động không hợp lệ', 'Nhập ngày cài ứng dụng']) expect(html).toContain(msg);
  });
});

describe('import from CSV', () => {
  const csv = ['Tổ dân phố,Chủ hộ,Địa chỉ,Số điện thoại,Thành viên,Số CCCD',
    'TDP06,Đặng Văn Nhập,Số 1 ngõ 6,0912 888 001,"Đặng Văn Nhập; Lý Thị Vợ",031088000001',
    'TDP06,Đặng Văn Nhập,số 1  ngõ 6,,,',
    'TDP99,Sai Tổ,Số 2,,,',
    'TDP07,Hà Thị Mới,Số 3 ngõ 7,,,'].join('\n');
  const upload = async () => {
    const fd = new FormData();
    fd.append('_csrf', leader.csrf);
    fd.append('file', new Blob([csv], { type: 'text/csv' }), 'ho.csv');
    return fetch(`${base()}/nhap`, { method: 'POST', headers: { cookie: leader.cookie }, body: fd, redirect: 'manual' });
  };

  test('preview, then apply adds only new households; a second import finds them all', async () => {
    const res = await upload();
    expect(res.status).toBe(303);
    const preview = await (await fetch(`${t.url}${res.headers.get('location')}`, { headers: { cookie: leader.cookie } })).text();
    expect(/data-import-summary[^>]*>([^<]+)</.exec(preview)?.[1]).toBe('2 hộ mới, 1 dòng trùng trong tệp, 0 hộ đã có, 1 dòng lỗi.');
    expect(preview).toContain('Không có tổ dân phố &quot;TDP99&quot; trong phường.');
    const before = (await sql<{ n: number }>`select count(*)::int as n from community_households`.execute(t.db)).rows[0].n;
    const apply = await fetch(`${t.url}${res.headers.get('location')}`, form(leader, {}));
    expect(apply.status).toBe(200);
    expect(await apply.text()).toContain('Đã thêm 2 hộ; bỏ qua 0 hộ đã có.');
    expect((await sql<{ n: number }>`select count(*)::int as n from community_households`.execute(t.db)).rows[0].n).toBe(before + 2);
    const again = await fetch(`${t.url}${res.headers.get('location')}`, form(leader, {}));
    expect(again.status).toBe(409);
    const second = await upload();
    const p2 = await (await fetch(`${t.url}${second.headers.get('location')}`, { headers: { cookie: leader.cookie } })).text();
    expect(/data-import-summary[^>]*>([^<]+)</.exec(p2)?.[1]).toBe('0 hộ mới, 0 dòng trùng trong tệp, 3 hộ đã có, 1 dòng lỗi.');
    const enc = (await sql<{ cccd_enc: string }>`select m.cccd_enc from community_members m join community_households h on h.id = m.household_id
      where h.head_name = 'Đặng Văn Nhập' and m.is_head`.execute(t.db)).rows[0].cccd_enc;
    expect(enc).toMatch(/^v1\./);
    const batches = await sql<{ rows: string }>`select rows::text from community_import_batches`.execute(t.db);
    expect(batches.rows.map((b) => b.rows).join('')).not.toContain('031088000001');
  });
});

describe('group heads edit their own group only', () => {
  test('an account assigned to TDP03 adds households there and nowhere else', async () => {
    const acct = await t.createStaff('viewer');
    const { rows } = await sql<{ id: string }>`select id from users where username = ${acct.username}`.execute(t.db);
    const assign = await fetch(`${base()}/to/${g.TDP03}`, form(leader, { action: 'head', user_id: rows[0].id }));
    expect(assign.status).toBe(303);
    const head = await t.login(acct.username, acct.password);
    const ok = await fetch(`${base()}/ho/moi`, form(head, { action: 'save', group_id: g.TDP03, head_name: 'Tô Văn Tổ Ba',
      address: 'Số 3' }));
    expect(ok.status).toBe(303);
    const other = await fetch(`${base()}/ho/moi`, form(head, { action: 'save', group_id: g.TDP04, head_name: 'Tô Văn Tổ Bốn',
      address: 'Số 4' }));
    expect(other.status).toBe(422);
    expect(await other.text()).toContain('Chọn tổ dân phố của hộ.');
    const h4 = await addHousehold(t, g.TDP04, 'Hộ Tổ Bốn', null);
    const edit = await fetch(`${base()}/ho/${h4}`, form(head, { action: 'save', group_id: g.TDP03, head_name: 'X', address: 'Y' }));
    expect(edit.status).toBe(403);
    const plain = await t.login((await t.createStaff('viewer')).username, 'MatKhauThu123');
    expect((await fetch(`${base()}/ho/moi`, form(plain, { action: 'save', group_id: g.TDP03, head_name: 'Z',
      address: 'Z' }))).status).toBe(403);
  });
});

describe('overview of the groups', () => {
  test('each group shows its households and how many use the city app', async () => {
    await addHousehold(t, g.TDP07, 'Lê Văn Tổng Quan', '0912777070');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from community_households where group_id = ${g.TDP07}`.execute(t.db);
    const res = await fetch(base(), { headers: { cookie: leader.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const row = new RegExp(`/to/${g.TDP07}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    expect(row).toContain(`>${rows[0].n}<`);
  });
});
