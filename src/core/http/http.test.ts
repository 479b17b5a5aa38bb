import { afterAll, beforeAll, expect, test } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { registerErrorHandling } from './error-handling.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

test('healthz reports the database', async () => {
  const res = await fetch(`${t.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('bad input gets 4xx in the one error shape, never 500', async () => {
  const bad = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error.code).toBe('invalid_json');
  const invalid = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": 5}' });
  expect(invalid.status).toBe(400);
  const big = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }) });
  expect(big.status).toBe(413);
  const unknown = await fetch(`${t.url}/api/v1/khong-co`);
  expect(unknown.status).toBe(404);
  expect((await unknown.json()).error.message).toMatch(/Không tìm thấy/);
  const unknownUnit = await fetch(`${t.url}/khong-co-phuong/`);
  expect(unknownUnit.status).toBe(404);
  expect(await unknownUnit.text()).toMatch(/Không tìm thấy/);
});

test('the unit home page is compressed, in Vietnamese, and switches to English', async () => {
  const res = await fetch(`${t.url}/chu-van-an/`, { headers: { 'accept-encoding': 'br' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('br');
  const html = await res.text();
  expect(html).toContain('<html lang="vi">');
  expect(html).toContain('Phường Chu Văn An');
  const en = await (await fetch(`${t.url}/chu-van-an/?lang=en`)).text();
  expect(en).toContain('<html lang="en">');
  expect(en).toContain('Skip to main content');
});

test('static assets carry content hashes and long cache headers', async () => {
  const html = await (await fetch(`${t.url}/chu-van-an/`)).text();
  const css = /href="(\/static\/app\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
  expect(css).toBeTruthy();
  const res = await fetch(`${t.url}${css}`);
  expect(res.headers.get('cache-control')).toContain('immutable');
  expect((await fetch(`${t.url}/static/app.0000000000.css`)).status).toBe(404);
});

test('openapi.json and metrics are served', async () => {
  const spec = await (await fetch(`${t.url}/openapi.json`)).json();
  expect(spec.openapi).toMatch(/^3\./);
  expect(Object.keys(spec.paths)).toContain('/api/v1/auth/login');
  expect(Object.keys(spec.paths).every((p) => p.startsWith('/api/') || p.startsWith('/open311/'))).toBe(true);
  const metrics = await (await fetch(`${t.url}/metrics`)).text();
  expect(metrics).toContain('http_request_duration_seconds');
  expect(metrics).toContain('db_pool_connections');
});

test('a NUL byte in a JSON body, a query, a path parameter or a form gets 400, never 500', async () => {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const body = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, { method: 'POST', headers: json,
    body: JSON.stringify({ category: 'environment', content: 'Rác thải\u0000 trên phố' }) });
  expect(body.status).toBe(400);
  expect((await body.json()).error).toMatchObject({ code: 'invalid_characters', message: expect.stringMatching(/ký tự không hợp lệ/) });
  const key = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: '{"username":"a","password":"b","x\\u0000":1}' });
  expect(key.status).toBe(400);

  const staff = await t.login('motcua');
  const query = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so?q=%00`, { headers: { cookie: staff.cookie } });
  expect(query.status).toBe(400);
  const page = await query.text();
  expect(page).toContain('<html lang="vi">');
  expect(page).toMatch(/ký tự không hợp lệ/);
  const en = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so?q=%00&lang=en`, { headers: { cookie: staff.cookie } });
  expect(await en.text()).toMatch(/invalid character/);
  const anonymous = await fetch(`${t.url}/chu-van-an/?q=a%00b`);
  expect(anonymous.status).toBe(400);

  const param = await fetch(`${t.url}/api/v1/feedback/PA%00`);
  expect(param.status).toBe(400);
  expect((await param.json()).error.code).toBe('invalid_characters');
  const unitParam = await fetch(`${t.url}/chu-van-an%00/`);
  expect(unitParam.status).toBe(400);

  const { cookie, csrf } = await anonymousForm(`${t.url}/dang-nhap`);
  const form = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username: 'motcua\u0000', password: 'x' }) });
  expect(form.status).toBe(400);
});

test('uploaded file bytes may hold NUL bytes: only text fields are checked', async () => {
  const { cookie, csrf } = await anonymousForm(`${t.url}/dang-nhap`);
  const fd = new FormData();
  fd.set('_csrf', csrf);
  fd.set('username', 'motcua');
  fd.set('password', 'sai-mat-khau');
  fd.set('tep', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0, 0xff, 0])]), 'giay-to.pdf');
  const res = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: fd });
  expect(res.status).toBe(401); // reached the login check: wrong password, not refused input
  const badName = new FormData();
  badName.set('_csrf', csrf);
  badName.set('tep', new Blob([new Uint8Array([1, 2])]), 'a\u0000.pdf');
  expect((await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: badName })).status).toBe(400);
});

test('PostgreSQL data errors (22021, 22P02, 22001, 22003, 22007, 22008) are 400 with a Vietnamese message', async () => {
  const probe = Fastify({ logger: false });
  registerErrorHandling(probe);
  const failing: Record<string, string> = {
    '22021': `select convert_from('\\x610062'::bytea, 'UTF8')`,
    '22P02': `select 'khong-phai-uuid'::uuid`,
    '22001': `do $$ declare v varchar(2); begin v := 'quá dài'; end $$`,
    '22003': `select 99999::smallint`,
    '22007': `select 'ngày 32'::date`,
    '22008': `select '2026-02-30'::date`,
  };
  for (const [code, query] of Object.entries(failing)) {
    probe.get(`/api/${code}`, async () => (await sql.raw(query).execute(t.appDb)).rows);
  }
  probe.get('/api/other', async () => (await sql.raw('select * from khong_co_bang').execute(t.appDb)).rows);
  try {
    for (const code of Object.keys(failing)) {
      const res = await probe.inject(`/api/${code}`);
      expect({ code, status: res.statusCode }).toEqual({ code, status: 400 });
      expect(res.json().error).toMatchObject({ code: 'invalid_data', message: expect.stringMatching(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/) });
    }
    const other = await probe.inject('/api/other');
    expect(other.statusCode).toBe(500);
    expect(other.json().error.code).toBe('internal_error');
  } finally {
    await probe.close();
  }
});

test('a URL that does not decode gets 400 in the one error shape, or the error page', async () => {
  const api = await fetch(`${t.url}/api/v1/%E0%A4%A`);
  expect(api.status).toBe(400);
  const body = await api.json();
  expect(body).toEqual({ error: { code: 'bad_url', message: expect.stringMatching(/Địa chỉ trang không hợp lệ/) } });
  const jsonAccept = await fetch(`${t.url}/%E0%A4%A`, { headers: { accept: 'application/json' } });
  expect(jsonAccept.status).toBe(400);
  expect((await jsonAccept.json()).error.code).toBe('bad_url');
  const html = await fetch(`${t.url}/%E0%A4%A`, { headers: { accept: 'text/html' } });
  expect(html.status).toBe(400);
  expect(html.headers.get('content-type')).toMatch(/text\/html/);
  const text = await html.text();
  expect(text).toContain('<html lang="vi">');
  expect(text).toContain('Có lỗi xảy ra');
});
