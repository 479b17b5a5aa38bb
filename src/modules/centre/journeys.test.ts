import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Session, type TestApp, anonymousForm, startLoggedInApp } from '../../../test/helpers/app.js';
import { getWorkCalendar } from '../calendar/index.js';
import { devOutbox } from '../surveys/sms.js';
import { vnDateOf, vnToday } from '../../lib/vn-calendar/index.js';

/** Citizen journeys: the kiosk's opening hours, one booking per person and slot, the booking's own page and receipts. */
let t: TestApp;
let leader: Session;
const U = 'chu-van-an';
const post = (url: string, cookie: string, body: Record<string, string>) => fetch(`${t.url}${url}`, {
  method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(body).toString(),
});
let workingDay: string;

beforeAll(async () => {
  ({ t, session: leader } = await startLoggedInApp('lanhdao', { env: { THANTHIEN_RATE_LIMIT: 'off', THANTHIEN_QUEUE_HOURS: 'on' } }));
  const cal = await getWorkCalendar(t.appDb, null);
  for (let i = 2; i < 14 && !workingDay; i++) {
    const d = vnDateOf(new Date(Date.now() + i * 86_400_000));
    if (cal.isWorkingDay(d)) workingDay = d;
  }
});
afterAll(() => t?.close());

describe('queue kiosk opening hours', () => {
  test('on a day off the kiosk gives no number, says why and when to come back, and offers booking', async () => {
    const today = vnToday();
    const off = await post(`/quan-tri/${U}/lich-nghi`, leader.cookie, { _csrf: leader.csrf, date: today, kind: 'off', reason: 'Nghỉ phòng chống bão' });
    expect(off.status).toBe(303);
    const page = await anonymousForm(`${t.url}/${U}/quay/lay-so`);
    expect(page.html).toContain('Hiện không cấp số thứ tự');
    expect(page.html).toContain('Nghỉ phòng chống bão');
    expect(page.html).toMatch(/quay lại ngày \d\d\/\d\d\/\d{4}: số thứ tự được cấp từ 07:00/);
    expect(page.html).not.toContain('name="service"');
    expect(page.html).toContain(`href="/${U}/quay/dat-lich"`);
    // A form kept open since before closing time (the page above has no form to take a token from).
    const k = await anonymousForm(`${t.url}/${U}/quay/dat-lich?linh_vuc=ho-tich&ngay=${workingDay}`);
    const refused = await post(`/${U}/quay/lay-so`, k.cookie, { _csrf: k.csrf, service: 'ho-tich' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Nghỉ phòng chống bão');
    const api = await fetch(`${t.url}/api/v1/units/${U}/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'ho-tich' }) });
    expect(api.status).toBe(409);
    expect((await api.json() as { error: { code: string } }).error.code).toBe('queue_closed');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from centre_tickets t join units u on u.id = t.unit_id
      where u.slug = ${U} and t.day = ${today} and t.source in ('kiosk', 'api')`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('booking an appointment', () => {
  const book = async (body: Record<string, string>) => {
    const k = await anonymousForm(`${t.url}/${U}/quay/dat-lich?linh_vuc=ho-tich&ngay=${workingDay}`);
    return post(`/${U}/quay/dat-lich`, k.cookie, { _csrf: k.csrf, service: 'ho-tich', day: workingDay, slot: '09:00', ...body });
  };

  test('the confirmation is a page of its own with place, counters, papers; receipts by SMS and email; cancel from it', async () => {
    const sent = devOutbox.length;
    const r = await book({ full_name: 'Phạm Minh Tuấn', phone: '0987 111 222', email: 'tuan@example.com' });
    expect(r.status).toBe(303);
    const url = r.headers.get('location')!;
    expect(url).toMatch(new RegExp(`^/${U}/quay/dat-lich/hen/[^?]+\\?moi=1$`));
    const page = await anonymousForm(`${t.url}${url}`);
    const { rows: [b] } = await sql<{ code: string; email: string }>`select code, email from centre_bookings where phone = '0987111222'`.execute(t.db);
    expect(page.html).toContain(b!.code);
    expect(page.html).toContain(workingDay.split('-').reverse().join('/'));
    expect(page.html).toContain('Giấy tờ cần mang theo');
    expect(page.html).toMatch(/Quầy \d/);
    expect(page.html).toContain('Đã đặt');
    expect(page.html).toContain('0987111222, tuan@example.com');
    // Bookmarkable: the same address without ?moi=1 still shows the booking.
    expect(await (await fetch(`${t.url}${url.replace('?moi=1', '')}`)).text()).toContain(b!.code);
    expect(devOutbox.slice(sent).some((m) => m.to === '0987111222' && m.text.includes(b!.code) && m.text.includes('/quay/dat-lich/hen/'))).toBe(true);
    const { rows: mails } = await sql<{ payload: { to: string; text: string } }>`select payload from outbox where kind = 'email' and payload->>'to' = 'tuan@example.com'`.execute(t.db);
    expect(mails[0]!.payload.text).toContain(b!.code);
    const cancelAction = /action="([^"]+\/huy\/[^"]+)"/.exec(page.html)![1]!;
    const done = await post(cancelAction, page.cookie, { _csrf: page.csrf });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Đã hủy lịch hẹn');
  });

  test('the same person cannot book the same slot twice; what was typed is kept', async () => {
    expect((await book({ full_name: 'Đỗ Thị Mai', phone: '0911000111' })).status).toBe(303);
    const again = await book({ full_name: 'Đỗ Thị Mai', phone: '0911 000 111' });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('đã có lịch hẹn lúc 09:00');
    expect(html).toContain('value="Đỗ Thị Mai"');
    // Without a phone, the same name in the same service and slot is the same person.
    expect((await book({ full_name: 'Lý Văn Hùng' })).status).toBe(303);
    expect((await book({ full_name: '  lý  văn hùng ' })).status).toBe(409);
    // Another person in the same slot is fine while places are left.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from centre_bookings where day = ${workingDay} and slot = '09:00' and status = 'booked'`.execute(t.db);
    expect(rows[0]!.n).toBe(2);
  });
});
