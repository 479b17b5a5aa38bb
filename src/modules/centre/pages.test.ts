import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, anonymousForm, startLoggedInApp } from '../../../test/helpers/app.js';
import { getWorkCalendar } from '../calendar/index.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';

let t: TestApp;
let officer: Session;
const U = 'chu-van-an';
const form = (url: string, cookie: string, body: Record<string, string | string[]>, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) p.append(k, x);
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...extra }, body: p.toString() });
};
const officerPost = (path: string, body: Record<string, string> = {}) => form(`${t.url}${path}`, officer.cookie, { _csrf: officer.csrf, ...body });

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

async function kioskTicket(service: string, priority = ''): Promise<{ token: string; html: string }> {
  const k = await anonymousForm(`${t.url}/${U}/quay/lay-so`);
  const res = await form(`${t.url}/${U}/quay/lay-so`, k.cookie, { _csrf: k.csrf, service, priority_group: priority });
  expect(res.status).toBe(303);
  const loc = res.headers.get('location')!;
  const token = loc.split('/').pop()!;
  return { token, html: await (await fetch(`${t.url}${loc}`)).text() };
}

describe('kiosk, counter and QR rating without JavaScript', () => {
  test('kiosk lists the services and prints a ticket with a follow QR', async () => {
    const k = await anonymousForm(`${t.url}/${U}/quay/lay-so`);
    expect(k.html).toContain('Đất đai – Xây dựng');
    const { html } = await kioskTicket('ho-tich', 'pregnant');
    expect(html).toMatch(/A\d{3}/);
    expect(html).toContain('<svg');
  });

  test('officer calls, finishes with a dossier code; the QR rating works once', async () => {
    const { token } = await kioskTicket('chung-thuc');
    const before = await (await fetch(`${t.url}/${U}/danh-gia/${token}`)).text();
    expect(before).toContain('chưa được phục vụ');
    expect(await (await fetch(`${t.url}/${U}/quay/ve/${token}`)).text()).not.toContain('/khao-sat/');
    expect((await officerPost(`/quan-tri/${U}/quay/2/goi-tiep`)).status).toBe(303);
    const page = await (await fetch(`${t.url}/quan-tri/${U}/quay/2`, { headers: { cookie: officer.cookie } })).text();
    expect(page).toContain('data-current');
    const { rows: [dossier] } = await sql<{ code: string }>`select d.code from dossiers d join units u on u.id = d.unit_id where u.slug = ${U} limit 1`.execute(t.db);
    const wrong = await officerPost(`/quan-tri/${U}/quay/2/ho-so`, { dossier_code: 'H31-261125-0007' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Mã hồ sơ không đúng định dạng');
    expect((await officerPost(`/quan-tri/${U}/quay/2/ho-so`, { dossier_code: dossier.code })).status).toBe(303);
    expect((await officerPost(`/quan-tri/${U}/quay/2/hoan-thanh`)).status).toBe(303);
    const k = await anonymousForm(`${t.url}/${U}/danh-gia/${token}?diem=unsatisfied`);
    expect(k.html).toContain('Chờ lâu');
    const ok = await form(`${t.url}/${U}/danh-gia/${token}`, k.cookie, { _csrf: k.csrf, score: 'unsatisfied', reasons: ['long_wait', 'slow'], comment: 'Chờ hơi lâu' });
    expect(ok.status).toBe(201);
    // The thank-you page and the follow page invite to the centre's satisfaction survey.
    const survey = `href="/${U}/khao-sat/hai-long-trung-tam?kenh=qr"`;
    expect(await ok.text()).toContain(survey);
    expect(await (await fetch(`${t.url}/${U}/quay/ve/${token}`)).text()).toContain(survey);
    const again = await form(`${t.url}/${U}/danh-gia/${token}`, k.cookie, { _csrf: k.csrf, score: 'satisfied' });
    expect(again.status).toBe(409);
    const rows = await t.db.selectFrom('centre_ratings').selectAll().where('comment', '=', 'Chờ hơi lâu').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 'unsatisfied', dossier_code: dossier.code, channel: 'qr' });
    expect(rows[0].officer_user_id).toBeTruthy();
  });

  test('a forged token is a 404', async () => {
    expect((await fetch(`${t.url}/${U}/danh-gia/tAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  test('the counter device rates only a just-finished, unrated ticket', async () => {
    const paired = await officerPost(`/quan-tri/${U}/quay/4/thiet-bi`);
    const device = paired.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('tt_thiet_bi_danh_gia='))!;
    const api = `${t.url}/api/v1/units/${U}/ratings`;
    const rate = (body: unknown) => fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', cookie: device }, body: JSON.stringify(body) });
    expect((await rate({ counter: 4, score: 'satisfied' })).status).toBe(409);
    await kioskTicket('dat-dai-xay-dung');
    await officerPost(`/quan-tri/${U}/quay/4/goi-tiep`);
    await officerPost(`/quan-tri/${U}/quay/4/hoan-thanh`);
    const idle = await (await fetch(`${t.url}/${U}/quay/danh-gia/4`, { headers: { cookie: device } })).text();
    expect(idle).toContain('rate-score--satisfied');
    expect((await rate({ counter: 4, score: 'satisfied', reasons: ['fast'] })).status).toBe(201);
    expect((await rate({ counter: 4, score: 'satisfied' })).status).toBe(409);
    expect((await rate({ score: 'satisfied' })).status).toBe(422);
    expect((await rate({ counter: 4, score: 'great' })).status).toBe(400);
  });

  test('citizen-reception rating codes are single use', async () => {
    const res = await officerPost(`/quan-tri/${U}/quay/tiep-cong-dan`, { reference: 'Tiếp công dân định kỳ ngày 26/11/2026' });
    expect(res.status).toBe(201);
    const link = /\/chu-van-an\/danh-gia\/tiep-cong-dan\/[\w.-]+/.exec(await res.text())![0];
    const k = await anonymousForm(`${t.url}${link}?diem=satisfied`);
    expect(k.html).toContain('Tiếp công dân định kỳ');
    expect((await form(`${t.url}${link}`, k.cookie, { _csrf: k.csrf, score: 'satisfied' })).status).toBe(201);
    expect((await form(`${t.url}${link}`, k.cookie, { _csrf: k.csrf, score: 'normal' })).status).toBe(409);
  });

  test('booking a slot answers 409 when the slot is full', async () => {
    const day = await nextWorkingDay();
    // Three different people (one person may hold only one booking per slot).
    const book = (n: number) => fetch(`${t.url}/api/v1/units/${U}/queue/bookings`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'dat-dai-xay-dung', day, slot: '08:00', full_name: 'Nguyễn Thị Hoa', phone: `0912 345 67${n}` }),
    });
    const results = await Promise.all([book(1), book(2), book(3)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409]);
  });

  test('staff pages need the right login', async () => {
    const r = await fetch(`${t.url}/quan-tri/${U}/quay/1`, { redirect: 'manual' });
    expect(r.status).toBe(303);
    const admin = await (await fetch(`${t.url}/quan-tri/${U}/quay`, { headers: { cookie: officer.cookie } })).text();
    expect(admin).toContain('Quầy 5');
    const stats = await fetch(`${t.url}/quan-tri/${U}/quay/thong-ke`, { headers: { cookie: officer.cookie } });
    expect(stats.status).toBe(200);
    const vi = await stats.text();
    expect(vi).toContain('Hộ tịch');
    expect(vi).toMatch(/<td[^>]*>Quầy 1<\/td>/);
    // English labels: counters through i18n, services by their English names.
    const en = await (await fetch(`${t.url}/quan-tri/${U}/quay/thong-ke?lang=en`, { headers: { cookie: officer.cookie } })).text();
    expect(en).toMatch(/<td[^>]*>Counter 1<\/td>/);
    expect(en).toContain('Civil status');
    expect(en).not.toMatch(/<td[^>]*>Quầy \d<\/td>/);
  });

  test('display page renders the current state', async () => {
    const html = await (await fetch(`${t.url}/${U}/quay/man-hinh`)).text();
    expect(html).toContain('id="queue-state"');
    expect(html).toContain('data-counter="5"');
  });
});

/** The next working day of the national calendar (booking refuses holidays and weekends). */
async function nextWorkingDay(): Promise<string> {
  const cal = await getWorkCalendar(t.appDb, null);
  for (let d = 1; ; d++) {
    const day = vnDateOf(new Date(Date.now() + d * 86_400_000));
    if (cal.isWorkingDay(day)) return day;
  }
}
