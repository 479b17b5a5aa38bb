import type { AppError } from '../../core/errors.js';
import { translator } from '../../core/i18n.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { withUnit } from '../../core/tenancy.js';
import { getWorkCalendar } from '../calendar/index.js';
import { bookSlot } from './booking-service.js';
import { unitCalendar } from './calendar-link.js';
import { vnDateOf, vnToday, weekdayOf } from '../../lib/vn-calendar/index.js';

let t: TestApp;
let officer: Session;
let leader: Session;
/** The national calendar: which days are worked before the test adds overrides. */
let working: (d: string) => boolean;
const closedByTests = new Set<string>();
const U = 'chu-van-an';
const form = (url: string, cookie: string, body: Record<string, string>) => fetch(url, {
  method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams(body).toString(),
});
/** Each call books for a different person (one person may hold one booking per slot). */
let people = 0;
const book = (day: string, slot = '08:00', service = 'dat-dai-xay-dung') => fetch(`${t.url}/api/v1/units/${U}/queue/bookings`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ service, day, slot, full_name: 'Trần Văn Bình', phone: `09123456${String(people++ % 100).padStart(2, '0')}` }),
});
const vnOffset = (days: number) => vnDateOf(new Date(Date.now() + days * 86_400_000));
const weekday = weekdayOf;
/** The first day from `from` days ahead matching `pred` (within the 14-day booking window). */
function dayAhead(pred: (d: string) => boolean, from = 2): string {
  for (let i = from; i <= 13; i++) if (pred(vnOffset(i))) return vnOffset(i);
  throw new Error('no such day in the window');
}

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  [officer, leader] = await Promise.all([t.login('motcua'), t.login('lanhdao')]);
  const national = await getWorkCalendar(t.appDb, null);
  // Days a test closed through an override stay closed for the later tests.
  working = (d) => national.isWorkingDay(d) && !closedByTests.has(d);
});
afterAll(async () => { await t?.close(); });

async function addOverride(date: string, kind: 'off' | 'work', reason: string) {
  if (kind === 'off') closedByTests.add(date);
  const r = await form(`${t.url}/quan-tri/${U}/lich-nghi`, leader.cookie, { _csrf: leader.csrf, date, kind, reason });
  expect(r.status).toBe(303);
}

describe('booking follows the working-day calendar', () => {
  test('national holidays are closed: 2 September 2026 is refused with its name', async () => {
    const unitId = await t.unitId(U);
    const cal = await getWorkCalendar(t.appDb, unitId);
    const now = new Date('2026-08-27T02:00:00Z');
    const attempt = (day: string) => withUnit(t.appDb, unitId, (trx) => bookSlot(trx, unitId, { service: 'ho-tich', day, slot: '09:00', fullName: 'Lê Thị Lan' }, now, cal));
    const closed = await attempt('2026-09-02').then(() => null, (e: AppError) => e);
    expect(closed).toMatchObject({ status: 422 });
    expect(closed!.text(translator('vi'))).toMatch(/không làm việc ngày 02\/09\/2026 \(.+\)/);
    await expect(attempt('2026-09-01')).rejects.toMatchObject({ status: 422 });
    await expect(attempt('2026-08-29')).rejects.toMatchObject({ status: 422 }); // a Saturday
    await expect(attempt('2026-09-03')).resolves.toMatchObject({ day: '2026-09-03', status: 'booked' });
  });

  test("the unit's overrides apply: a weekday off is refused, a working Saturday opens", async () => {
    const off = dayAhead(working);
    const sat = dayAhead((d) => weekday(d) === 6 && !working(d));
    expect((await book(off)).status).toBe(201);
    await addOverride(off, 'off', 'Nghỉ để phòng chống bão số 5');
    await addOverride(sat, 'work', 'Làm việc bù cho ngày nghỉ do bão');
    const refused = await book(off, '09:00');
    expect(refused.status).toBe(422);
    expect((await refused.json() as any).error.message).toContain('Nghỉ để phòng chống bão số 5');
    expect((await book(sat, '09:00')).status).toBe(201);
    const page = await (await fetch(`${t.url}/${U}/quay/dat-lich?linh_vuc=ho-tich&ngay=${off}`)).text();
    expect(page).toContain('Nghỉ để phòng chống bão số 5');
    expect(page).not.toContain('name="slot"');
    expect(page).toContain('ngày làm việc gần nhất');
    // The module asks the calendar service, not the tables: the same answer as the service.
    const cal = await unitCalendar(t.appDb, await t.unitId(U));
    expect([cal.isWorkingDay(off), cal.isWorkingDay(sat)]).toEqual([false, true]);
  });
});

describe('cancelling a booking', () => {
  test('the citizen cancels with the secret link; the place is freed; cancelling twice is a 409', async () => {
    const day = dayAhead(working, 3);
    const res = await book(day, '14:00');
    const first = await res.json() as { code: string; cancel_url: string; cancel_token: string };
    expect(res.status, JSON.stringify(first)).toBe(201);
    expect(first.cancel_url).toBe(`/${U}/quay/dat-lich/huy/${first.cancel_token}`);
    expect((await book(day, '14:00')).status).toBe(201);
    expect((await book(day, '14:00')).status).toBe(409); // capacity 2
    const k = await anonymousForm(`${t.url}${first.cancel_url}`);
    expect(k.html).toContain(first.code);
    expect(k.html).toContain('Hủy lịch hẹn');
    const done = await form(`${t.url}${first.cancel_url}`, k.cookie, { _csrf: k.csrf });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Đã hủy lịch hẹn');
    expect((await form(`${t.url}${first.cancel_url}`, k.cookie, { _csrf: k.csrf })).status).toBe(409);
    const api = await fetch(`${t.url}/api/v1/units/${U}/queue/bookings/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: first.cancel_token }) });
    expect(api.status).toBe(409);
    expect((await book(day, '14:00')).status).toBe(201);
    const { rows } = await sql<{ status: string; cancelled_at: Date | null }>`select status, cancelled_at from centre_bookings where code = ${first.code}`.execute(t.db);
    expect(rows[0].status).toBe('cancelled');
    expect(rows[0].cancelled_at).toBeTruthy();
  });

  test('the API cancels by token; a forged token is a 404', async () => {
    const day = dayAhead(working, 4);
    const b = await (await book(day, '15:00')).json() as { code: string; cancel_token: string };
    const cancel = (token: string) => fetch(`${t.url}/api/v1/units/${U}/queue/bookings/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const ok = await cancel(b.cancel_token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ code: b.code, status: 'cancelled' });
    expect((await cancel('bAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await fetch(`${t.url}/${U}/quay/dat-lich/huy/bAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  test('staff list a day and cancel a booking (audited); a viewer cannot', async () => {
    const day = dayAhead(working, 5);
    const b = await (await book(day, '10:00', 'ho-tich')).json() as { code: string };
    const list = await (await fetch(`${t.url}/quan-tri/${U}/quay/lich-hen?ngay=${day}`, { headers: { cookie: officer.cookie } })).text();
    expect(list).toContain(b.code);
    expect(list).toContain('Trần Văn Bình');
    const viewer = await t.login('xem');
    const denied = await form(`${t.url}/quan-tri/${U}/quay/lich-hen/${b.code}/huy`, viewer.cookie, { _csrf: viewer.csrf, ngay: day });
    expect(denied.status).toBe(403);
    const res = await form(`${t.url}/quan-tri/${U}/quay/lich-hen/${b.code}/huy`, officer.cookie, { _csrf: officer.csrf, ngay: day });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`Đã hủy lịch hẹn ${b.code}`);
    const again = await form(`${t.url}/quan-tri/${U}/quay/lich-hen/${b.code}/huy`, officer.cookie, { _csrf: officer.csrf, ngay: day });
    expect(again.status).toBe(409);
    const { rows } = await sql<{ after: any }>`select after from audit_log where action = 'centre.booking.cancel' order by id desc limit 1`.execute(t.db);
    expect(rows[0].after).toMatchObject({ status: 'cancelled', by: 'staff' });
  });
});

describe('kiosk check-in of a booking', () => {
  const insertBooking = async (code: string, day: string, slot: string, status = 'booked') => {
    const unitId = await t.unitId(U);
    await sql`insert into centre_bookings (unit_id, service_id, day, slot, code, full_name, status)
      select ${unitId}, id, ${day}, ${slot}, ${code}, 'Phạm Văn Công', ${status} from centre_services where unit_id = ${unitId} and code = 'chung-thuc'`.execute(t.db);
  };
  const checkIn = async (code: string) => {
    const k = await anonymousForm(`${t.url}/${U}/quay/lay-so`);
    return form(`${t.url}/${U}/quay/lay-so`, k.cookie, { _csrf: k.csrf, booking_code: code });
  };

  test('a booking of today becomes a ticket queued from its slot, once', async () => {
    const today = vnToday();
    await insertBooking('HEN234', today, '07:30');
    const res = await checkIn(' hen234 ');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^/${U}/quay/in-ve/t`));
    const slip = await (await fetch(`${t.url}${res.headers.get('location')}`)).text();
    expect(slip).toMatch(/B\d{3}/);
    const { rows } = await sql<{ status: string; source: string; appointment_at: Date }>`select b.status, t.source, t.appointment_at
      from centre_bookings b join centre_tickets t on t.booking_id = b.id where b.code = 'HEN234'`.execute(t.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'checked_in', source: 'booking' });
    expect(rows[0].appointment_at.toISOString()).toBe(new Date(`${today}T00:30:00Z`).toISOString()); // 07:30 in Hà Nội
    const again = await checkIn('HEN234');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('đã được sử dụng');
  });

  test('wrong day, cancelled and unknown codes are explained', async () => {
    const tomorrow = vnOffset(1);
    await insertBooking('HENMAI', tomorrow, '08:00');
    const wrongDay = await checkIn('HENMAI');
    expect(wrongDay.status).toBe(409);
    expect(await wrongDay.text()).toContain(`ngày ${tomorrow.split('-').reverse().join('/')}`);
    await insertBooking('HENHUY', vnToday(), '08:00', 'cancelled');
    const cancelled = await checkIn('HENHUY');
    expect(cancelled.status).toBe(409);
    expect(await cancelled.text()).toContain('đã bị hủy');
    const unknown = await checkIn('ZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Không tìm thấy mã đặt lịch');
  });
});
