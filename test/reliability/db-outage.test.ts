import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cuttableProxy, type CuttableProxy } from '../helpers/tcp-proxy.js';

// Defect 3 / guarantee "database outage" (issue 11): while the database cannot be reached every
// route answers 503 with a clear message (never 500), and when it returns the pools reconnect
// without restarting the app (here an external database behind a proxy that is cut and restored;
// the embedded server's own supervisor is tested in embedded-restart.test.ts).
let t: TestApp;
let proxy: CuttableProxy;
beforeAll(async () => {
  t = await startTestApp({
    routeDatabase: (url) => { const u = new URL(url); u.hostname = '127.0.0.1'; u.port = String(proxy.port); return u; },
    env: { THANTHIEN_RATE_LIMIT: 'off' },
  });
});
afterAll(async () => { await proxy?.close(); await t?.close(); });

// Created before the app (routeDatabase reads its port).
proxy = await cuttableProxy('127.0.0.1', Number(new URL(inject('ttOwnerUrl')).port));

const ROUTES: { path: string; init?: RequestInit }[] = [
  { path: '/chu-van-an/' }, { path: '/chu-van-an/thu-tuc' }, { path: '/chu-van-an/phan-anh/cong-khai' },
  { path: '/api/v1/feedback/PA-2026-2222222222' }, { path: '/api/v1/units/chu-van-an/feedback', init: { method: 'POST',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'environment', content: 'Đèn đường hỏng ở ngõ 5 nhiều ngày.' }) } },
  { path: '/quan-tri/chu-van-an' },
];

test('503 with a clear message on every route while the database is down, then recovery by itself', { timeout: 90_000 }, async () => {
  const s = await t.login('lanhdao');
  for (const r of ROUTES) expect((await fetch(`${t.url}${r.path}`, { ...r.init, headers: { ...r.init?.headers, cookie: s.cookie } })).status, r.path).toBeLessThan(500);

  await proxy.cut();
  for (const r of ROUTES) {
    const res = await fetch(`${t.url}${r.path}`, { ...r.init, headers: { accept: 'application/json', ...r.init?.headers, cookie: s.cookie } });
    expect(res.status, r.path).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await res.json();
    expect(body.error.code).toBe('database_unavailable');
    expect(body.error.message).toMatch(/cơ sở dữ liệu/);
  }
  const html = await fetch(`${t.url}/chu-van-an/thu-tuc`, { headers: { accept: 'text/html' } });
  expect(html.status).toBe(503);
  expect(await html.text()).toMatch(/cơ sở dữ liệu/);
  expect((await fetch(`${t.url}/healthz`)).status).toBe(503);

  await proxy.restore();
  const until = Date.now() + 30_000;
  let status = 0;
  while (Date.now() < until) {
    status = (await fetch(`${t.url}/healthz`)).status;
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe(200);
  for (const r of ROUTES) expect((await fetch(`${t.url}${r.path}`, { ...r.init, headers: { ...r.init?.headers, cookie: s.cookie } })).status, r.path).toBeLessThan(500);
});
