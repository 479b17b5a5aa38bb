import { afterAll, beforeAll, expect, test } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { registerErrorHandling } from './error-handling.js';
import { HEALTH_TIMEOUT_MS, registerOperations } from './operations.js';
import { registerSecurityHeaders } from './security-headers.js';
import { CONNECT_TIMEOUT_MS, createDb } from '../database.js';
import net from 'node:net';

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

test('errors thrown with message keys come in the reader\'s language', async () => {
  const en = await fetch(`${t.url}/api/v1/khong-co?lang=en`);
  expect(en.status).toBe(404);
  expect((await en.json()).error).toEqual({ code: 'not_found', message: 'The page or data you asked for was not found.' });
  const page = await fetch(`${t.url}/khong-co-phuong/?lang=en`);
  expect(await page.text()).toContain('No ward or commune by this name was found.');
  const bad = await fetch(`${t.url}/api/v1/auth/login?lang=en`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
  expect((await bad.json()).error.message).toBe('The JSON content is not valid.');
  const vi = await fetch(`${t.url}/api/v1/khong-co`);
  expect((await vi.json()).error.message).toBe('Không tìm thấy trang hoặc dữ liệu yêu cầu.');
  const staff = await fetch(`${t.url}/api/v1/units/chu-van-an/dossiers?lang=en`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect((await staff.json()).error.message).toBe('Please sign in.');
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
  expect(Object.keys(spec.paths).every((p) => p.startsWith('/api/') || p.startsWith('/open311/') || p === '/healthz')).toBe(true);
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

test('/healthz answers 503, promptly, when the database refuses connections or never answers', { timeout: 30_000 }, async () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((sock) => { sockets.push(sock); }); // accepts, never speaks
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const silentUrl = `postgres://u:p@127.0.0.1:${(silent.address() as net.AddressInfo).port}/x`;
  const refused = net.createServer();
  await new Promise<void>((r) => refused.listen(0, '127.0.0.1', () => r()));
  const refusedUrl = `postgres://u:p@127.0.0.1:${(refused.address() as net.AddressInfo).port}/x`;
  await new Promise((r) => refused.close(r)); // nothing listens there any more
  try {
    expect(createDb(refusedUrl, 1, 'probe').pool.options.connectionTimeoutMillis).toBe(CONNECT_TIMEOUT_MS);
    // Even a pool without a connection timeout cannot hang the probe.
    for (const [url, timeout] of [[refusedUrl, CONNECT_TIMEOUT_MS], [silentUrl, 0]] as const) {
      const { db, pool } = createDb(url, 2, 'probe', { connectionTimeoutMillis: timeout });
      const probe = Fastify({ logger: false });
      probe.decorate('db', db);
      registerOperations(probe, pool);
      const t0 = Date.now();
      const res = await probe.inject('/healthz');
      expect({ url, status: res.statusCode, body: res.json() }).toEqual({ url, status: 503, body: { status: 'error', db: 'unreachable' } });
      expect(Date.now() - t0).toBeLessThan(HEALTH_TIMEOUT_MS + 1500);
      await probe.close();
      for (const sock of sockets) sock.destroy();
      await db.destroy();
    }
    // The pools the app uses give up on a silent server instead of waiting for ever.
    const { db, pool } = createDb(silentUrl, 1, 'probe', { connectionTimeoutMillis: 300 });
    await expect(pool.query('select 1')).rejects.toThrow(/timeout/i);
    await db.destroy();
  } finally {
    for (const sock of sockets) sock.destroy();
    await new Promise((r) => silent.close(r));
  }
});

test('openapi.json describes every /api/ route, and /healthz', async () => {
  const spec = await (await fetch(`${t.url}/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> };
  const routes = t.app.routeTable.filter((r) => (r.url.startsWith('/api/') || r.url === '/healthz') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
  expect(routes.length).toBeGreaterThan(5);
  const missing = routes
    .map((r) => ({ method: r.method.toLowerCase(), path: r.url.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}') }))
    .filter((r) => !spec.paths[r.path]?.[r.method])
    .map((r) => `${r.method.toUpperCase()} ${r.path}`);
  expect(missing).toEqual([]);
  expect(spec.paths['/healthz'].get).toBeTruthy();
});

test('a city account reads a child unit over HTTP, but may not change it', async () => {
  const { username, password } = await t.createStaff('city', 'hai-phong');
  const s = await t.login(username, password);
  const me = await (await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie: s.cookie } })).json();
  expect(me.roles).toEqual(['city']);
  expect(me.unitIds).toContain(await t.unitId('chu-van-an'));
  const child = await fetch(`${t.url}/quan-tri/chu-van-an`, { headers: { cookie: s.cookie } });
  expect(child.status).toBe(200);
  expect(await child.text()).toContain('Phường Chu Văn An');
  const other = await fetch(`${t.url}/quan-tri/chi-linh`, { headers: { cookie: s.cookie } });
  expect(other.status).toBe(200);
  // Read-only in the child: staff administration stays with the ward's own admin.
  expect((await fetch(`${t.url}/quan-tri/chu-van-an/tai-khoan-can-bo`, { headers: { cookie: s.cookie } })).status).toBe(403);
  const page = await (await fetch(`${t.url}/quan-tri/chu-van-an`, { headers: { cookie: s.cookie } })).text();
  const sessionCsrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
  const write = await fetch(`${t.url}/quan-tri/chu-van-an/tai-khoan-can-bo`, { method: 'POST', redirect: 'manual',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: sessionCsrf, display_name: 'Giả mạo', username: 'gia_mao', role: 'admin' }) });
  expect(write.status).toBe(403);
  expect((await sql`select 1 from users where username = 'gia_mao'`.execute(t.db)).rows).toHaveLength(0);
  // A ward account does not read its neighbour.
  const ward = await t.login('xem');
  expect((await fetch(`${t.url}/quan-tri/chi-linh`, { headers: { cookie: ward.cookie } })).status).toBe(403);
});

test('every response carries the security headers; a route may allow framing', async () => {
  const expectHeaders = (res: Response, what: string) => expect({
    what,
    nosniff: res.headers.get('x-content-type-options'),
    frame: res.headers.get('x-frame-options'),
    csp: /^default-src 'self'; script-src 'self';.*frame-ancestors 'none'$/.test(res.headers.get('content-security-policy') ?? ''),
    referrer: res.headers.get('referrer-policy'),
  }).toEqual({ what, nosniff: 'nosniff', frame: 'DENY', csp: true, referrer: 'strict-origin-when-cross-origin' });
  const home = await fetch(`${t.url}/chu-van-an/`);
  expectHeaders(home, 'page');
  const css = /href="(\/static\/app\.[0-9a-f]{10}\.css)"/.exec(await home.text())![1];
  expectHeaders(await fetch(`${t.url}${css}`), 'static');
  expectHeaders(await fetch(`${t.url}/api/v1/auth/me`), 'api 401');
  expectHeaders(await fetch(`${t.url}/healthz`), 'healthz');
  expectHeaders(await fetch(`${t.url}/openapi.json`), 'openapi');
  expectHeaders(await fetch(`${t.url}/khong-co/trang/nay`), '404');
  expectHeaders(await fetch(`${t.url}/%E0%A4%A`, { headers: { accept: 'text/html' } }), 'bad url');
  const staff = await t.login('xem');
  expectHeaders(await fetch(`${t.url}/quan-tri/chu-van-an`, { headers: { cookie: staff.cookie } }), 'staff page');

  const probe = Fastify({ logger: false });
  registerSecurityHeaders(probe);
  probe.get('/khung', { config: { allowFraming: true } }, async () => 'ok');
  probe.get('/csp', async (_req, reply) => reply.header('content-security-policy', "default-src 'self'").send('ok'));
  const framed = await probe.inject('/khung');
  expect(framed.headers['x-frame-options']).toBeUndefined();
  expect(framed.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors \*$/);
  expect(framed.headers['x-content-type-options']).toBe('nosniff');
  expect((await probe.inject('/csp')).headers['content-security-policy']).toBe("default-src 'self'");
  await probe.close();
});
