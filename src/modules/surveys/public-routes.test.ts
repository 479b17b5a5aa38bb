import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { centreFormAnswers, centreJsonAnswers, csrfOf, getPage, Jar, postForm } from './test-support.js';
import { DEVICE_COOKIE } from './respondent.js';
import { createApiToken } from '../../core/auth/tokens.js';

let t: TestApp;
const FORM = '/chu-van-an/khao-sat/hai-long-trung-tam';
const count = async (channel?: string) => (await sql<{ n: number }>`select count(*)::int as n from survey_responses r
  join surveys s on s.id = r.survey_id where s.slug = 'hai-long-trung-tam' and s.unit_id = ${await t.unitId()}
  and (${channel ?? null}::text is null or r.channel = ${channel ?? null})`.execute(t.db)).rows[0].n;

beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

describe('public survey', () => {
  it('lists the demo surveys and renders the form without a draft', async () => {
    const { res, html } = await getPage(`${t.url}/chu-van-an/khao-sat`, new Jar());
    expect(res.status).toBe(200);
    expect(html).toContain('Khảo sát sự hài lòng với Trung tâm Phục vụ hành chính công');
    expect(html).toContain('/chu-van-an/khao-sat/hai-long-chinh-quyen');
    const form = await getPage(`${t.url}${FORM}?lang=en`, new Jar());
    expect(form.html).toContain('Satisfaction with the Public Administration Service Centre');
    expect((await getPage(`${t.url}/chu-van-an/khao-sat/khong-co`, new Jar())).res.status).toBe(404);
  });

  it('stores a QR response, thanks the respondent and refuses the same device twice', async () => {
    const jar = new Jar();
    const before = await count('qr');
    const page = await getPage(`${t.url}${FORM}?kenh=qr`, jar);
    expect(jar.get(DEVICE_COOKIE)).toBeTruthy();
    const r = await postForm(`${t.url}${FORM}?kenh=qr`, jar, { _csrf: csrfOf(page.html), ...centreFormAnswers() });
    expect(r.res.status).toBe(303);
    expect(r.res.headers.get('location')).toBe(`${FORM}/cam-on?kenh=qr`);
    expect(await count('qr')).toBe(before + 1);
    const thanks = await getPage(`${t.url}${FORM}/cam-on`, jar);
    expect(thanks.html).toContain('Cảm ơn ông/bà đã tham gia khảo sát');
    const again = await getPage(`${t.url}${FORM}`, jar);
    expect(again.html).toContain('Thiết bị này đã gửi phiếu khảo sát này rồi');
    const second = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(page.html), ...centreFormAnswers() });
    expect(second.res.status).toBe(409);
    expect(await count('qr')).toBe(before + 1);
  });

  it('refuses a form post without the device cookie from opening the form, keeps the answers and lets the second press through', async () => {
    const jar = new Jar();
    const page = await getPage(`${t.url}${FORM}`, jar);
    jar.delete(DEVICE_COOKIE); // a script (or a browser that lost the cookie) keeps only the CSRF cookie
    const before = await count();
    const first = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(page.html), ...centreFormAnswers() });
    expect(first.res.status).toBe(422);
    expect(first.html).toContain('Vui lòng bấm gửi lại phiếu');
    expect(first.html).toContain('vui lòng bấm &quot;Gửi phiếu khảo sát&quot; một lần nữa');
    expect(first.html).toContain('Cần thêm ghế chờ.'); // the typed answers are kept
    expect(await count()).toBe(before);
    expect(jar.get(DEVICE_COOKIE)).toBeTruthy(); // the refusal carries a new cookie
    const second = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(first.html), ...centreFormAnswers() });
    expect(second.res.status).toBe(303);
    const third = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(first.html), ...centreFormAnswers() });
    expect(third.res.status).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it('never counts posts without a cookie, nor with a forged one', async () => {
    const before = await count();
    for (let i = 0; i < 3; i++) {
      const jar = new Jar();
      const page = await getPage(`${t.url}${FORM}`, jar);
      if (i === 2) jar.add(`${DEVICE_COOKIE}=abc.def`); else jar.delete(DEVICE_COOKIE);
      const r = await postForm(`${t.url}${FORM}?kenh=qr`, jar, { _csrf: csrfOf(page.html), ...centreFormAnswers() });
      expect(r.res.status).toBe(422);
    }
    expect(await count()).toBe(before);
  });

  it('keeps answers anonymous: only an HMAC of the device, unlinked to the response', async () => {
    const cols = (await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name in ('survey_responses', 'survey_respondent_keys')`.execute(t.db)).rows.map((r) => r.column_name);
    expect(cols).not.toContain('ip');
    expect(cols).not.toContain('device_id');
    expect(cols).not.toContain('response_id');
    const keys = (await sql<{ key: string }>`select key from survey_respondent_keys`.execute(t.db)).rows;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0].key).toMatch(/^[\w-]{43}$/);
  });

  it('explains invalid answers in Vietnamese with 422 and keeps what was typed', async () => {
    const jar = new Jar();
    const page = await getPage(`${t.url}${FORM}`, jar);
    const fields: Record<string, string | string[]> = { ...centreFormAnswers(), 'q_tong-the': '9', 'q_linh-vuc': 'khong-co' };
    delete fields['q_thu-tuc__phi'];
    const r = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(page.html), ...fields });
    expect(r.res.status).toBe(422);
    expect(r.html).toContain('Điểm phải nằm trong khoảng từ 1 đến 5.');
    expect(r.html).toContain('Lựa chọn không có trong danh sách.');
    expect(r.html).toContain('Vui lòng trả lời câu hỏi bắt buộc này.');
    expect(r.html).toContain('Cần thêm ghế chờ.');
    // a refused answer set does not use up the device's one response
    const ok = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(page.html), ...centreFormAnswers() });
    expect(ok.res.status).toBe(303);
  });

  it('lets a staff-enabled kiosk take many answers as channel kiosk, but not a plain ?kiosk=1', async () => {
    const officer = await t.login('motcua');
    const id = (await sql<{ id: string }>`select id from surveys where slug = 'hai-long-trung-tam' and unit_id = ${await t.unitId()}`.execute(t.db)).rows[0].id;
    const kiosk = new Jar(officer.cookie);
    const enable = await getPage(`${t.url}/quan-tri/chu-van-an/khao-sat/${id}/kiosk`, kiosk);
    expect(enable.res.headers.get('location')).toBe(`${FORM}?kiosk=1`);
    const before = await count('kiosk');
    for (let i = 0; i < 2; i++) {
      const page = await getPage(`${t.url}${FORM}?kiosk=1`, kiosk);
      expect(page.html).toContain('survey--kiosk');
      const r = await postForm(`${t.url}${FORM}?kiosk=1`, kiosk, { _csrf: csrfOf(page.html), ...centreFormAnswers('5') });
      expect(r.res.headers.get('location')).toBe(`${FORM}/cam-on?kiosk=1`);
    }
    expect(await count('kiosk')).toBe(before + 2);
    expect(kiosk.get(DEVICE_COOKIE)).toBeUndefined(); // the shared tablet needs no device cookie
    const plain = new Jar();
    const page = await getPage(`${t.url}${FORM}?kiosk=1`, plain);
    expect((await postForm(`${t.url}${FORM}?kiosk=1`, plain, { _csrf: csrfOf(page.html), ...centreFormAnswers() })).res.status).toBe(303);
    expect((await postForm(`${t.url}${FORM}?kiosk=1`, plain, { _csrf: csrfOf(page.html), ...centreFormAnswers() })).res.status).toBe(409);
    expect(await count('kiosk')).toBe(before + 2);
  });

  it('refuses a post without the CSRF field', async () => {
    const r = await postForm(`${t.url}${FORM}`, new Jar(), centreFormAnswers());
    expect(r.res.status).toBe(403);
  });

  it('accepts answers through the JSON API with per-question errors', async () => {
    const api = `${t.url}/api/v1/units/chu-van-an/surveys/hai-long-trung-tam`;
    const def = await (await fetch(api)).json() as { version: number; definition: { sections: unknown[] } };
    expect(def.version).toBe(1);
    const bad = await fetch(`${api}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { 'tong-the': 0 } }) });
    expect(bad.status).toBe(422);
    const body = await bad.json() as { error: { details: { question: string; message: string }[] } };
    expect(body.error.details).toContainEqual({ question: 'tong-the', code: 'outOfRange', message: 'Điểm phải nằm trong khoảng từ 1 đến 5.' });
  });

  it('API: refuses a post without the device cookie and says how to get it; with it accepts once', async () => {
    const api = `${t.url}/api/v1/units/chu-van-an/surveys/hai-long-trung-tam`;
    const body = JSON.stringify({ answers: centreJsonAnswers(4) });
    const before = await count('app');
    const bare = await fetch(`${api}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(bare.status).toBe(422);
    expect(bare.headers.get('set-cookie')).toBeNull();
    const err = (await bare.json() as { error: { code: string; message: string; details: { session: string; cookie: string } } }).error;
    expect(err.code).toBe('device_cookie_required');
    expect(err.message).toContain('GET /api/v1/units/chu-van-an/surveys/hai-long-trung-tam/session');
    expect(err.details).toEqual({ session: '/api/v1/units/chu-van-an/surveys/hai-long-trung-tam/session', cookie: DEVICE_COOKIE });
    const forged = await fetch(`${api}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `${DEVICE_COOKIE}=abc.def` }, body });
    expect(forged.status).toBe(422);

    const jar = new Jar();
    const session = await getPage(`${t.url}${err.details.session}`, jar);
    expect(session.res.status).toBe(200);
    expect(JSON.parse(session.html)).toEqual({ rule: 'device', answered: false });
    expect(jar.get(DEVICE_COOKIE)).toBeTruthy();
    const post = () => fetch(`${api}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: jar.header }, body });
    expect((await post()).status).toBe(201);
    const again = await post();
    expect(again.status).toBe(409);
    expect((await again.json() as { error: { message: string } }).error.message).toContain('Thiết bị này đã gửi');
    expect(JSON.parse((await getPage(`${t.url}${err.details.session}`, jar)).html)).toEqual({ rule: 'device', answered: true });
    expect(await count('app')).toBe(before + 1);
  });

  it('API: the ward app may answer with a bearer token of the unit instead of the cookie', async () => {
    const api = `${t.url}/api/v1/units/chu-van-an/surveys/hai-long-trung-tam/responses`;
    const token = await createApiToken(t.db, await t.unitId(), 'viewer', 'app');
    const other = await createApiToken(t.db, await t.unitId('chi-linh'), 'viewer', 'other unit');
    const body = JSON.stringify({ answers: centreJsonAnswers(5), channel: 'app' });
    const before = await count('app');
    for (let i = 0; i < 2; i++) {
      const r = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      expect(r.status).toBe(201);
    }
    const foreign = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` }, body });
    expect(foreign.status).toBe(422);
    expect(await count('app')).toBe(before + 2);
  });

  it('prints the paper form and publishes results only when allowed', async () => {
    const paper = await getPage(`${t.url}${FORM}/phieu`, new Jar());
    expect(paper.res.status).toBe(200);
    expect(paper.html).toContain('đánh dấu X');
    // Bilingual header: title, description and instructions also in English, marked as such.
    expect(paper.html).toContain('<p class="paper__en" lang="en">Satisfaction with the Public Administration Service Centre</p>');
    expect(paper.html).toContain('Mark the box that fits');
    const pub = await getPage(`${t.url}${FORM}/ket-qua`, new Jar());
    expect(pub.res.status).toBe(200);
    expect(pub.html).toContain('<svg');
    expect(pub.html).not.toContain('Cần thêm ghế chờ.');
    expect((await getPage(`${t.url}/chu-van-an/khao-sat/hai-long-chinh-quyen/ket-qua`, new Jar())).res.status).toBe(404);
  });
});
