import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, anonymousForm, startLoggedInApp } from '../../../test/helpers/app.js';
import { DEVICE_COOKIE } from './device-service.js';

let t: TestApp;
let officer: Session;
const startedAt = new Date();
const U = 'chu-van-an';
const cookiesOf = (res: Response) => (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]);
const deviceCookieOf = (res: Response) => cookiesOf(res).find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
const form = (url: string, cookie: string, body: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) p.append(k, x);
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: p.toString() });
};
const officerPost = (path: string, body: Record<string, string> = {}) => form(`${t.url}${path}`, officer.cookie, { _csrf: officer.csrf, ...body });
const json = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});
const rateCounter = (counter: number, cookie?: string) => json(`/api/v1/units/${U}/ratings`, { counter, score: 'satisfied' }, cookie ? { cookie } : {});
/** Takes a ticket for a service, calls it at the counter and finishes it (API, as the officer). */
async function serveOne(service: string, counter: number) {
  const tk = await (await json(`/api/v1/units/${U}/queue/tickets`, { service })).json() as { number: string; token: string };
  expect((await json(`/api/v1/units/${U}/queue/counters/${counter}/call`, {}, officer.headers)).status).toBe(200);
  expect((await json(`/api/v1/units/${U}/queue/counters/${counter}/finish`, {}, officer.headers)).status).toBe(200);
  return tk;
}
/** A device-page GET with the device cookie, returning what an anonymous form post needs. */
async function devicePage(counter: number, device: string) {
  const res = await fetch(`${t.url}/${U}/quay/danh-gia/${counter}?diem=satisfied`, { headers: { cookie: device } });
  const html = await res.text();
  const csrfCookie = cookiesOf(res).join('; ');
  return { status: res.status, html, cookie: [device, csrfCookie].filter(Boolean).join('; '), csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

describe('rating devices must be paired with their counter by staff', () => {
  test('without pairing, the device page and the API answer 403 with a Vietnamese message', async () => {
    await serveOne('dat-dai-xay-dung', 4);
    const page = await fetch(`${t.url}/${U}/quay/danh-gia/4`);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('chưa được bật để đánh giá tại Quầy 4');
    expect(html).not.toContain('rate-score--satisfied');
    const api = await rateCounter(4);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: 'device_not_paired', message: expect.stringContaining('Quầy 4') } });
    const forged = await rateCounter(4, `${DEVICE_COOKIE}=00000000-0000-7000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(forged.status).toBe(403);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from centre_ratings where channel = 'device' and created_at > ${startedAt}`.execute(t.db);
    expect(rows[0].n).toBe(0);
  });

  test('only staff can pair; the paired device rates its own counter only, once per service', async () => {
    const anon = await anonymousForm(`${t.url}/${U}/quay/lay-so`);
    const denied = await form(`${t.url}/quan-tri/${U}/quay/4/thiet-bi`, anon.cookie, { _csrf: anon.csrf });
    expect(denied.status).toBe(303);
    expect(denied.headers.get('location')).toContain('/dang-nhap');
    expect(deviceCookieOf(denied)).toBeUndefined();

    const res = await officerPost(`/quan-tri/${U}/quay/4/thiet-bi`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/${U}/quay/danh-gia/4`);
    const device = deviceCookieOf(res)!;
    expect(device).toBeTruthy();
    expect(res.headers.getSetCookie().find((c) => c.startsWith(DEVICE_COOKIE))).toMatch(/HttpOnly/i);

    const p = await devicePage(4, device);
    expect(p.status).toBe(200);
    expect(p.html).toContain('Giải quyết nhanh');
    const ok = await form(`${t.url}/${U}/quay/danh-gia/4`, p.cookie, { _csrf: p.csrf, score: 'satisfied', reasons: 'fast' });
    expect(ok.status).toBe(201);
    expect((await rateCounter(4, device)).status).toBe(409);
    await serveOne('dat-dai-xay-dung', 4);
    expect((await rateCounter(4, device)).status).toBe(201);
    // The same cookie does not rate another counter's citizen.
    await serveOne('chung-thuc', 2);
    expect((await rateCounter(2, device)).status).toBe(403);
    expect((await fetch(`${t.url}/${U}/quay/danh-gia/2`, { headers: { cookie: device } })).status).toBe(403);

    const { rows } = await sql<{ action: string }>`select action from audit_log where action = 'centre.device.pair'`.execute(t.db);
    expect(rows).toHaveLength(1);
    const ratings = await sql<{ channel: string; counter: number }>`select r.channel, c.number as counter from centre_ratings r
      join centre_counters c on c.id = r.counter_id where r.kind = 'counter' and r.channel = 'device' and r.created_at > ${startedAt}`.execute(t.db);
    expect(ratings.rows).toEqual([{ channel: 'device', counter: 4 }, { channel: 'device', counter: 4 }]);
  });

  test('a one-time pairing link pairs a device the officer is not logged in on; revoking ends it', async () => {
    const created = await officerPost(`/quan-tri/${U}/quay/3/thiet-bi/lien-ket`);
    expect(created.status).toBe(201);
    const html = await created.text();
    const link = new URL(/data-pair-link[^>]*>([^<]+)</.exec(html)?.[1] ?? /href="([^"]*\/ghep\/[^"]+)"/.exec(html)![1], t.url);
    expect(html).toContain('<svg');
    const pairUrl = `${t.url}${link.pathname}`;
    const k = await anonymousForm(pairUrl);
    expect(k.html).toContain('Ghép thiết bị này');
    const paired = await form(pairUrl, k.cookie, { _csrf: k.csrf });
    expect(paired.status).toBe(303);
    const device = deviceCookieOf(paired)!;
    expect(device).toBeTruthy();
    // Single use.
    expect((await form(pairUrl, k.cookie, { _csrf: k.csrf })).status).toBe(410);
    expect((await fetch(pairUrl)).status).toBe(410);
    await serveOne('chung-thuc', 3);
    expect((await devicePage(3, device)).status).toBe(200);

    const list = await (await fetch(`${t.url}/quan-tri/${U}/quay/3/thiet-bi`, { headers: { cookie: officer.cookie } })).text();
    expect(list).toContain('Đang dùng');
    const id = /thiet-bi\/([0-9a-f-]{36})\/thu-hoi/.exec(list)![1];
    expect((await officerPost(`/quan-tri/${U}/quay/3/thiet-bi/${id}/thu-hoi`)).status).toBe(200);
    expect((await rateCounter(3, device)).status).toBe(403);
    expect((await devicePage(3, device)).status).toBe(403);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action in ('centre.device.pair_link', 'centre.device.revoke')`.execute(t.db);
    expect(rows[0].n).toBe(2);
  });

  test('an expired pairing link is refused', async () => {
    const created = await (await officerPost(`/quan-tri/${U}/quay/5/thiet-bi/lien-ket`)).text();
    const path = /href="[^"]*?(\/chu-van-an\/quay\/danh-gia\/5\/ghep\/[\w-]+)"/.exec(created)![1];
    await sql`update centre_rating_devices set pair_expires_at = now() - interval '1 second' where paired_at is null and revoked_at is null`.execute(t.db);
    const k = await anonymousForm(`${t.url}${path}`);
    expect(k.html).toContain('đã hết hạn');
    expect(deviceCookieOf(await form(`${t.url}${path}`, k.cookie, { _csrf: k.csrf }))).toBeUndefined();
  });
});

describe('QR ratings', () => {
  test('a called but not yet served ticket cannot be rated; serving can; codes expire after 3 days', async () => {
    const tk = await (await json(`/api/v1/units/${U}/queue/tickets`, { service: 'bao-tro-xa-hoi' })).json() as { token: string; number: string };
    const rate = (score = 'normal') => json(`/api/v1/units/${U}/ratings`, { ticket: tk.token, score });
    expect((await rate()).status).toBe(409);
    expect((await json(`/api/v1/units/${U}/queue/counters/5/call`, {}, officer.headers)).status).toBe(200);
    const called = await rate();
    expect(called.status).toBe(409);
    expect((await called.json() as any).error.message).toContain('chưa được phục vụ');
    const follow = await (await fetch(`${t.url}/${U}/quay/ve/${tk.token}`)).text();
    expect(follow).not.toContain('Đánh giá sự phục vụ</a>');
    expect((await json(`/api/v1/units/${U}/queue/counters/5/start`, {}, officer.headers)).status).toBe(200);
    expect((await rate()).status).toBe(201);

    const old = await serveOne('bao-tro-xa-hoi', 5);
    await sql`update centre_tickets set created_at = now() - interval '3 days 1 minute' where number = ${old.number}
      and day = (now() at time zone 'Asia/Ho_Chi_Minh')::date`.execute(t.db);
    const expired = await json(`/api/v1/units/${U}/ratings`, { ticket: old.token, score: 'satisfied' });
    expect(expired.status).toBe(410);
    expect((await expired.json() as any).error.message).toContain('hết hạn');
    const page = await fetch(`${t.url}/${U}/danh-gia/${old.token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).not.toContain('rate-score--satisfied');
  });
});
