import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { sendGreetingReminders } from './greetings.js';

let t: TestApp;
let officer: Session;
let leader: Session;
const STAFF = '/quan-tri/chu-van-an';

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  [officer, leader] = await Promise.all([t.login('motcua'), t.login('lanhdao')]);
});
afterAll(async () => { await t?.close(); });

const form = (path: string, s: Session, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: s.csrf });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return fetch(`${t.url}${path}`, { method: 'POST', redirect: 'manual', headers: { ...s.headers, 'content-type': 'application/x-www-form-urlencoded' }, body });
};
const page = async (path: string, s?: Session) => (await fetch(`${t.url}${path}`, { headers: s?.headers ?? {} })).text();

describe('greetings', () => {
  test('draft → submitted → approved by the leader → published on the website and recorded per channel', async () => {
    const path = `${STAFF}/loi-chuc/2026/teachers-day`;
    expect(await page(path, officer)).toContain('Ngày Nhà giáo Việt Nam');
    expect((await form(`${path}/luu`, officer, { title: 'Thư chúc mừng 20/11', body: '', radio_script: '', social_text: '' })).status).toBe(422);
    expect((await form(`${path}/luu`, officer, { title: 'Thư chúc mừng 20/11', body: 'Kính chúc các thầy cô giáo mạnh khỏe.', radio_script: 'Kính thưa bà con', social_text: 'Chúc mừng 20/11' })).status).toBe(303);
    expect((await form(`${path}/dang`, officer, { channels: ['website'] })).status).toBe(409); // not approved yet
    expect((await form(`${path}/chuyen`, officer, { to: 'submitted' })).status).toBe(303);
    expect((await form(`${path}/chuyen`, officer, { to: 'approved' })).status).toBe(403); // officers cannot approve
    expect((await form(`${path}/chuyen`, leader, { to: 'approved' })).status).toBe(303);
    expect((await form(`${path}/dang`, officer, { channels: ['website', 'radio'], link: 'https://chuvanan.haiphong.gov.vn/tin/20-11' })).status).toBe(303);
    const pubs = await sql<{ channel: string }>`select p.channel from greeting_publications p join greetings g on g.id = p.greeting_id
      where g.occasion = 'teachers-day' and g.occasion_date = '2026-11-20' order by 1`.execute(t.db);
    expect(pubs.rows.map((r) => r.channel)).toEqual(['radio', 'website']);
    expect(await page('/chu-van-an/loi-chuc')).toContain('Kính chúc các thầy cô giáo mạnh khỏe.');
    expect(await page(`${STAFF}/loi-chuc?nam=2026`, officer)).toMatch(/Ngày Nhà giáo Việt Nam[\s\S]*Trang thông tin điện tử, Đài truyền thanh/);
  });
  test('the reminder job e-mails wards ten days ahead of an occasion', async () => {
    await sql`update units set email = 'ubnd@chuvanan.example' where slug = 'chu-van-an'`.execute(t.db);
    const before = (await sql<{ n: number }>`select count(*)::int as n from outbox where payload->>'subject' like 'Nhắc việc: thư chúc mừng%'`.execute(t.db)).rows[0].n;
    expect(await sendGreetingReminders(t.db, new Date('2026-08-23T00:30:00Z'))).toBeGreaterThan(0);
    expect(await sendGreetingReminders(t.db, new Date('2026-08-24T00:30:00Z'))).toBe(0);
    const after = (await sql<{ n: number }>`select count(*)::int as n from outbox where payload->>'subject' like 'Nhắc việc: thư chúc mừng Ngày Quốc khánh%'`.execute(t.db)).rows[0].n;
    expect(after).toBeGreaterThan(before);
  });
});

describe('contributors and the annual meeting', () => {
  test('register, contribution, thank-you letter once, meeting with invitations and attendance', async () => {
    const add = await form(`${STAFF}/nguoi-dong-gop`, officer, { name: 'Bà Trịnh Thị Yến', kind: 'individual', address: 'Số 9 ngõ 2' });
    expect(add.status).toBe(303);
    const path = add.headers.get('location')!;
    expect((await form(`${path}/dong-gop`, officer, { contributed_on: '2026-11-02', description: '', amount: 'abc' })).status).toBe(422);
    expect((await form(`${path}/dong-gop`, officer, { contributed_on: '2026-11-02', description: 'ủng hộ 5 triệu đồng quỹ khuyến học', amount: '5.000.000' })).status).toBe(303);
    expect(await page(path, officer)).toContain('5.000.000');
    const contribution = (await sql<{ id: string }>`select id from contributions where description = 'ủng hộ 5 triệu đồng quỹ khuyến học'`.execute(t.db)).rows[0].id;
    const first = await form(`${path}/thu-cam-on`, officer, { contribution });
    const second = await form(`${path}/thu-cam-on`, officer, { contribution });
    expect(first.headers.get('location')).toBe(second.headers.get('location'));
    const before = (await sql<{ n: number }>`select count(*)::int as n from contributors c join units u on u.id = c.unit_id where u.slug = 'chu-van-an'`.execute(t.db)).rows[0].n;
    const plan = await form(`${STAFF}/nguoi-dong-gop/gap-mat`, officer, { held_on: '2026-12-20', place: 'Hội trường UBND phường' });
    expect(plan.status).toBe(303);
    const meetingId = plan.headers.get('location')!.split('/').pop()!;
    const invites = await sql<{ n: number }>`select count(*)::int as n from meeting_invitees i join letters l on l.id = i.letter_id and l.kind = 'invitation' where i.meeting_id = ${meetingId}`.execute(t.db);
    expect(invites.rows[0].n).toBe(before);
    const someone = (await sql<{ id: string }>`select contributor_id as id from meeting_invitees where meeting_id = ${meetingId} limit 1`.execute(t.db)).rows[0].id;
    expect((await form(`${STAFF}/nguoi-dong-gop/gap-mat/${meetingId}`, officer, { attended: [someone], notes: 'Đã tổ chức', held: '1' })).status).toBe(303);
    const m = await sql<{ held: boolean; attended: number }>`select m.held, (select count(*)::int from meeting_invitees where meeting_id = m.id and attended) as attended
      from contributor_meetings m where m.id = ${meetingId}`.execute(t.db);
    expect(m.rows[0]).toEqual({ held: true, attended: 1 });
  });
});

describe('register export and mail-merge', () => {
  test('CSV mail-merge makes one draft per row, or none when a row is wrong; the register exports to CSV and XLSX', async () => {
    const csv = (text: string) => {
      const fd = new FormData();
      fd.append('_csrf', officer.csrf);
      fd.append('kind', 'thanks');
      fd.append('channel', 'in_person');
      fd.append('list', new Blob([text], { type: 'text/csv' }), 'ds.csv');
      return fetch(`${t.url}${STAFF}/thu/tron-thu`, { method: 'POST', redirect: 'manual', headers: officer.headers, body: fd });
    };
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from letters where source = 'csv'`.execute(t.db)).rows[0].n;
    const bad = await csv('ho_ten,gioi_tinh\nNguyễn Văn A,nam\n,nữ\n');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Dòng 3: thiếu họ tên');
    expect(await count()).toBe(0);
    expect((await csv('ho_ten,gioi_tinh,nam_sinh,noi_dung\nNguyễn Văn An,nam,1950,tặng 100 cây xanh\nTrần Thị Bích,nữ,1999,dọn vệ sinh ngõ 3\n')).status).toBe(303);
    const rows = await sql<{ honorific: string; body: string }>`select honorific, body from letters where source = 'csv' order by seq`.execute(t.db);
    expect(rows.rows.map((r) => r.honorific)).toEqual(['Ông', 'Chị']);
    expect(rows.rows[0].body).toContain('tặng 100 cây xanh');
    const exported = await fetch(`${t.url}${STAFF}/thu/so-thu.csv?loai=thanks&q=tran+thi+bich`, { headers: officer.headers });
    const bytes = Buffer.from(await exported.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const text = bytes.toString('utf8');
    expect(text.trim().split('\r\n')).toHaveLength(2);
    expect(text).toContain('Trần Thị Bích');
    const xlsx = await fetch(`${t.url}${STAFF}/thu/so-thu.xlsx`, { headers: officer.headers });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
  test('demo pages have content', async () => {
    for (const [path, text] of [[`${STAFF}/thu`, 'TCM-UBND'], [`${STAFF}/tinh-nguyen`, 'Đoàn Thanh niên'], [`${STAFF}/loi-chuc`, 'Tết Nguyên đán'],
      [`${STAFF}/nguoi-dong-gop`, 'Công ty TNHH Thương mại Hoa Sen'], [`${STAFF}/thu/sang-kien`, 'Tủ sách cộng đồng'], ['/chu-van-an/tinh-nguyen', 'còn'], ['/chu-van-an/loi-chuc', 'Thư chúc mừng của Chủ tịch']] as const) {
      expect(await page(path, officer), path).toContain(text);
    }
  });
});
