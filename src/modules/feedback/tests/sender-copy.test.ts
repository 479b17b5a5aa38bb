import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousForm, startTestApp, type TestApp } from '../../../../test/helpers/app.js';

/** The confirmation shows the sender what they sent; someone else holding the code does not see it. */
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

describe('what you sent', () => {
  it('is shown to the sending browser only, with a copy button for the code; no coordinate fields on the form', async () => {
    const k = await anonymousForm(`${t.url}/chu-van-an/phan-anh`);
    expect(k.html).not.toMatch(/<input[^>]*name="lat"[^>]*type="text"|<label[^>]*for="f-lat"/);
    expect(k.html).toMatch(/<input type="hidden" id="f-lat" name="lat"/);
    const content = 'Nắp cống trước nhà số 18 ngõ Hoa Sữa bị vỡ, rất nguy hiểm cho xe máy.';
    const res = await fetch(`${t.url}/chu-van-an/phan-anh`, {
      method: 'POST', redirect: 'manual', headers: { cookie: k.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: k.csrf, category: 'infrastructure', content, address: 'Số 18 ngõ Hoa Sữa', idempotencyKey: 'sender-copy-1' }).toString(),
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const sentCookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('tt_pa_'))!;
    expect(sentCookie).toBeTruthy();
    const mine = await (await fetch(`${t.url}${location}`, { headers: { cookie: `${k.cookie}; ${sentCookie}` } })).text();
    expect(mine).toContain('Nội dung bạn đã gửi');
    expect(mine).toContain(content);
    expect(mine).toContain('Số 18 ngõ Hoa Sữa');
    expect(mine).toMatch(/data-copy="feedback-code"/);
    const other = await (await fetch(`${t.url}${location}`)).text();
    expect(other).not.toContain(content);
    expect(other).not.toContain('Nội dung bạn đã gửi');
    const forged = await (await fetch(`${t.url}${location}`, { headers: { cookie: `${sentCookie.split('=')[0]}=AAAA` } })).text();
    expect(forged).not.toContain(content);
  });
});
