import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

// Defect 1 (issue 11): impossible dates and malformed numbers in a query string answered 500.
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const BAD_DAYS = ['2026-13-45', '2026-02-30', '2026-00-10', '9999-99-99'];

test('public booking page: an impossible day is 400, a real one 200', async () => {
  for (const d of BAD_DAYS) {
    const r = await fetch(`${t.url}/chu-van-an/quay/dat-lich?linh_vuc=ho-tich&ngay=${d}`);
    expect(r.status, d).toBe(400);
    expect(await r.text()).toContain('ngay');
  }
  expect((await fetch(`${t.url}/chu-van-an/quay/dat-lich?linh_vuc=ho-tich&ngay=2026-03-02`)).status).toBe(200);
});

test('staff booking list and centre statistics: impossible days are 400', async () => {
  const s = await t.login('motcua');
  for (const d of BAD_DAYS) {
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/quay/lich-hen?ngay=${d}`, { headers: s.headers })).status, d).toBe(400);
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/quay/thong-ke?tu=${d}`, { headers: s.headers })).status, d).toBe(400);
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/quay/thong-ke?den=${d}`, { headers: s.headers })).status, d).toBe(400);
  }
  expect((await fetch(`${t.url}/quan-tri/chu-van-an/quay/thong-ke?tu=2026-01-01&den=2026-01-31`, { headers: s.headers })).status).toBe(200);
});

test('page numbers and years that are not numbers are 400, never 500', async () => {
  const s = await t.login('lanhdao');
  const urls = [
    '/chu-van-an/thu-tuc?trang=abc', '/chu-van-an/thu-tuc?trang=-1', '/chu-van-an/thu-tuc?trang=1e99',
    '/chu-van-an/phan-anh/cong-khai?trang=x', '/quan-tri/chu-van-an/phan-anh?trang=0',
    '/quan-tri/chu-van-an/ho-so?trang=99999999999999999999', '/quan-tri/chu-van-an/nhat-ky?trang=abc',
  ];
  for (const u of urls) {
    const r = await fetch(`${t.url}${u}`, { headers: s.headers });
    expect(r.status, u).toBe(400);
  }
});
