import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { PAIR_FREE_FAILURES } from './login.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

test('API login returns a CSRF token; a session JSON write without it is refused', async () => {
  const s = await t.login('motcua');
  const me = await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie: s.cookie } });
  expect(me.status).toBe(200);
  expect((await me.json()).roles).toEqual(['centre_officer']);
  const noToken = await fetch(`${t.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: s.cookie } });
  expect(noToken.status).toBe(403);
  const ok = await fetch(`${t.url}/api/v1/auth/logout`, { method: 'POST', headers: s.headers });
  expect(ok.status).toBe(204);
  const after = await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie: s.cookie } });
  expect(after.status).toBe(401);
});

test('a form post without the CSRF token is refused, with it accepted', async () => {
  const { cookie, csrf } = await anonymousForm(`${t.url}/dang-nhap`);
  expect(csrf).not.toBe('');
  const body = (extra: Record<string, string>) => new URLSearchParams({ username: 'motcua', password: 'ThanThien2026', ...extra });
  const forged = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body({}) });
  expect(forged.status).toBe(403);
  const wrong = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body({ _csrf: csrf + 'x' }) });
  expect(wrong.status).toBe(403);
  const ok = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body({ _csrf: csrf }) });
  expect(ok.status).toBe(303);
  expect(ok.headers.get('set-cookie')).toMatch(/tt_session=/);
});

test('wrong passwords slow the address down; the account is never locked', async () => {
  const u = await t.createStaff('viewer');
  const attempt = (password: string) => fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u.username, password }) });
  for (let i = 0; i < PAIR_FREE_FAILURES; i++) expect((await attempt('sai-mat-khau-1')).status).toBe(401);
  const slowed = await attempt(u.password);
  expect(slowed.status).toBe(429);
  expect((await slowed.json()).error.message).toMatch(/đợi \d+ giây/);
  await new Promise((r) => setTimeout(r, 1100));
  expect((await attempt(u.password)).status).toBe(200);
  const { rows } = await sql<{ locked_until: Date | null }>`select locked_until from users where username = ${u.username}`.execute(t.db);
  expect(rows[0].locked_until).toBeNull();
});

test('staff pages require a login and the right role', async () => {
  const anon = await fetch(`${t.url}/quan-tri/chu-van-an/tai-khoan-can-bo`, { redirect: 'manual' });
  expect(anon.status).toBe(303);
  expect(anon.headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
  const viewer = await t.login('xem');
  expect((await fetch(`${t.url}/quan-tri/chu-van-an/tai-khoan-can-bo`, { headers: { cookie: viewer.cookie } })).status).toBe(403);
  const other = await fetch(`${t.url}/quan-tri/chi-linh`, { headers: { cookie: viewer.cookie } });
  expect(other.status).toBe(403);
});

test('a bearer token authenticates API calls for its unit', async () => {
  const { createApiToken } = await import('./tokens.js');
  const token = await createApiToken(t.db, await t.unitId(), 'centre_officer', 'kiosk');
  const me = await fetch(`${t.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect((await me.json()).roles).toEqual(['centre_officer']);
  expect((await fetch(`${t.url}/api/v1/auth/me`, { headers: { authorization: 'Bearer tt_wrong' } })).status).toBe(401);
});

test('parallel wrong passwords cannot outrun the throttle', async () => {
  const u = await t.createStaff('viewer');
  const attempt = (password: string) => fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u.username, password }) });
  const wrong = await Promise.all(Array.from({ length: PAIR_FREE_FAILURES + 5 }, () => attempt('sai-mat-khau-song-song')));
  const statuses = wrong.map((r) => r.status);
  // Only the free failures (and at most the one after them) reach the password check.
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(PAIR_FREE_FAILURES + 1);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
});
