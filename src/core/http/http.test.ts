import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';

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
