import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { satisfactionIndex } from './index.js';
import { devOutbox } from './sms.js';
import { centreJsonAnswers, csrfOf, getPage, governmentFormAnswers, Jar, postForm } from './test-support.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

let t: TestApp;
const FORM = '/chu-van-an/khao-sat/hai-long-chinh-quyen';
const vnYear = () => vnYearOf(new Date());

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  await sql`update surveys set rule = 'phone' where slug = 'hai-long-chinh-quyen'`.execute(t.db);
});
afterAll(async () => { await t?.close(); });

describe('one response per phone (OTP)', () => {
  const jar = new Jar();
  let token = '';
  it('asks for a valid mobile number first', async () => {
    const page = await getPage(`${t.url}${FORM}`, jar);
    expect(page.html).toContain('Số điện thoại di động');
    const bad = await postForm(`${t.url}${FORM}/xac-thuc`, jar, { _csrf: csrfOf(page.html), phone: '12345' });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Số điện thoại di động không hợp lệ');
  });

  it('sends a six-digit code through the SMS adapter and accepts it once', async () => {
    const page = await getPage(`${t.url}${FORM}`, jar);
    const sent = await postForm(`${t.url}${FORM}/xac-thuc`, jar, { _csrf: csrfOf(page.html), phone: '0912 000 111' });
    expect(sent.res.status).toBe(200);
    const sms = devOutbox.at(-1)!;
    expect(sms.to).toBe('0912000111');
    const code = /(\d{6})/.exec(sms.text)![1];
    const otp = /name="otp" value="([^"]+)"/.exec(sent.html)![1];
    const stored = (await sql<{ phone_key: string; code_hash: string }>`select phone_key, code_hash from survey_otps where id = ${otp}`.execute(t.db)).rows[0];
    expect(JSON.stringify(stored)).not.toContain('0912000111');
    expect(stored.code_hash).not.toContain(code);
    const wrong = await postForm(`${t.url}${FORM}/xac-thuc/ma`, jar, { _csrf: csrfOf(sent.html), otp, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.res.status).toBe(422);
    expect(wrong.html).toContain('Mã xác thực không đúng.');
    const ok = await postForm(`${t.url}${FORM}/xac-thuc/ma`, jar, { _csrf: csrfOf(sent.html), otp, code });
    expect(ok.res.status).toBe(200);
    token = /name="xac_thuc" value="([^"]+)"/.exec(ok.html)![1];
    const submit = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(ok.html), xac_thuc: token, ...governmentFormAnswers() });
    expect(submit.res.status).toBe(303);
    const reuse = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(ok.html), xac_thuc: token, ...governmentFormAnswers() });
    expect(reuse.res.status).toBe(422);
  });

  it('refuses a second code for a phone that already answered, and a forged token', async () => {
    const page = await getPage(`${t.url}${FORM}`, jar);
    const again = await postForm(`${t.url}${FORM}/xac-thuc`, jar, { _csrf: csrfOf(page.html), phone: '+84912000111' });
    expect(again.res.status).toBe(409);
    expect(again.html).toContain('Số điện thoại này đã trả lời phiếu khảo sát.');
    const forged = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(page.html), xac_thuc: `${token.split('.')[0]}.xyz`, ...governmentFormAnswers() });
    expect(forged.res.status).toBe(422);
  });
});

describe('satisfactionIndex for the scoring module', () => {
  it('scores known responses of a unit, and only that unit', async () => {
    const unitId = await t.unitId('chi-linh');
    await sql`insert into survey_versions (unit_id, survey_id, version, definition)
      select unit_id, id, 1, draft from surveys where unit_id = ${unitId} and kind = 'centre'`.execute(t.db);
    await sql`update surveys set status = 'published', current_version = 1 where unit_id = ${unitId} and kind = 'centre'`.execute(t.db);
    for (const score of [5, 4, 3, 2]) {
      const jar = new Jar(); // one device each: its signed cookie from GET …/session
      await getPage(`${t.url}/api/v1/units/chi-linh/surveys/hai-long-trung-tam/session`, jar);
      const res = await fetch(`${t.url}/api/v1/units/chi-linh/surveys/hai-long-trung-tam/responses`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: jar.header }, body: JSON.stringify({ answers: centreJsonAnswers(score) }),
      });
      expect(res.status).toBe(201);
    }
    const r = await satisfactionIndex(t.appDb, unitId, 'centre', vnYear());
    expect(r).toEqual({ year: vnYear(), kind: 'centre', respondents: 4, index: 62.5, indexCi: { low: 11.2, high: 100 },
      satisfiedShare: 50, satisfiedCi: { low: 15, high: 85 } });
    expect((await satisfactionIndex(t.appDb, unitId, 'centre', vnYear() - 1)).respondents).toBe(0);
    const api = await fetch(`${t.url}/api/v1/units/chi-linh/surveys-index?kind=centre&year=${vnYear()}`);
    expect(await api.json()).toEqual(r);
    const demo = await satisfactionIndex(t.appDb, await t.unitId(), 'government', vnYear());
    expect(demo.respondents).toBeGreaterThan(100);
    expect(demo.index).toBeGreaterThan(40);
  });
});
