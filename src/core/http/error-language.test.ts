import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anonymousForm, startTestApp, type TestApp } from '../../../test/helpers/app.js';

/**
 * Modules throw errors with message keys; the error handler (or the page that catches the error)
 * translates them in the reader's language: Vietnamese by default, English with `?lang=en`.
 */
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

const U = 'chu-van-an';
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('JSON errors of the modules', () => {
  test('scoring: an unknown city is a 404 in Vietnamese, and in English with ?lang=en', async () => {
    const vi = await fetch(`${t.url}/api/v1/scorecards?parent=khong-co`);
    expect(vi.status).toBe(404);
    expect(await errorOf(vi)).toEqual({ code: 'not_found', message: 'Không tìm thấy thành phố (tham số parent).' });
    const en = await fetch(`${t.url}/api/v1/scorecards?parent=khong-co&lang=en`);
    expect(en.status).toBe(404);
    expect(await errorOf(en)).toEqual({ code: 'not_found', message: 'City not found (parameter parent).' });
  });

  test('centre: a forged cancellation token; a message with a value (calendar limit) keeps the value', async () => {
    const cancel = (lang: string) => fetch(`${t.url}/api/v1/units/${U}/queue/bookings/cancel${lang}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'bAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA' }),
    });
    const vi = await errorOf(await cancel(''));
    expect(vi.message).toMatch(/^Không tìm thấy lịch hẹn/);
    const en = await errorOf(await cancel('?lang=en'));
    expect(en.message).toMatch(/^Appointment not found/);
    const due = (lang: string) => fetch(`${t.url}/api/v1/calendar/due?start=2026-02-12T09:00:00%2B07:00&working_days=999${lang}`);
    expect((await errorOf(await due(''))).message).toBe('Số ngày làm việc (working_days) phải là số nguyên từ 0 đến 365.');
    expect((await errorOf(await due('&lang=en'))).message).toBe('working_days must be an integer from 0 to 365.');
  });

  test('the language cookie chosen on a page also switches the errors', async () => {
    const res = await fetch(`${t.url}/api/v1/scorecards?parent=khong-co`, { headers: { cookie: 'lang=en' } });
    expect((await errorOf(res)).message).toBe('City not found (parameter parent).');
  });
});

describe('an HTML form refused by a module', () => {
  test('the booking form shows the refusal in the page language', async () => {
    const post = async (lang: string) => {
      const k = await anonymousForm(`${t.url}/${U}/quay/dat-lich${lang ? `${lang}&` : '?'}linh_vuc=dat-dai-xay-dung`);
      return fetch(`${t.url}/${U}/quay/dat-lich${lang}`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: k.cookie },
        body: new URLSearchParams({
          _csrf: k.csrf, service: 'dat-dai-xay-dung', day: 'khong-phai-ngay', slot: '08:00', full_name: 'Trần Văn Bình', phone: '0912345678',
        }).toString(),
      });
    };
    const vi = await post('');
    expect(vi.status).toBe(422);
    expect(await vi.text()).toContain('Ngày đặt lịch không hợp lệ.');
    const en = await post('?lang=en');
    expect(en.status).toBe(422);
    const html = await en.text();
    expect(html).toContain('The booking date is not valid.');
    expect(html).not.toContain('Ngày đặt lịch không hợp lệ.');
  });

  test('an error page (no form to go back to) is translated too', async () => {
    const vi = await fetch(`${t.url}/${U}/quay/dat-lich/huy/bAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA`);
    expect(vi.status).toBe(404);
    expect(await vi.text()).toContain('Không tìm thấy lịch hẹn');
    const en = await fetch(`${t.url}/${U}/quay/dat-lich/huy/bAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA?lang=en`);
    expect(en.status).toBe(404);
    expect(await en.text()).toContain('Appointment not found');
  });
});
