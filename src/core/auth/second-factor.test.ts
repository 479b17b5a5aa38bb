import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createPasswordToken } from './accounts.js';
import { newTotpSecret, totpFor } from './login.js';
import { withUnits } from '../tenancy.js';
import { readableUnits } from './principal.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('with TOTP on, a password alone does not open a session', async () => {
  const u = await t.createStaff('leader');
  const secret = newTotpSecret();
  await sql`update users set totp_secret = ${secret}, totp_enabled = true where username = ${u.username}`.execute(t.db);
  const without = await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: u.password }));
  expect(without.status).toBe(401);
  expect((await without.json()).error.code).toBe('totp_required');
  const code = totpFor(secret, u.username).generate();
  const withCode = await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: u.password, totp: code }));
  expect(withCode.status).toBe(200);
});

test('HTML login with TOTP on stops at the code page until the code is given', async () => {
  const u = await t.createStaff('leader');
  const secret = newTotpSecret();
  await sql`update users set totp_secret = ${secret}, totp_enabled = true where username = ${u.username}`.execute(t.db);
  const { cookie, csrf } = await anonymousForm(`${t.url}/dang-nhap`);
  const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
  const login = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: form, body: new URLSearchParams({ _csrf: csrf, username: u.username, password: u.password }) });
  expect(login.headers.get('location')).toMatch(/^\/dang-nhap\/ma-xac-thuc/);
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const blocked = await fetch(`${t.url}/quan-tri/chu-van-an`, { redirect: 'manual', headers: { cookie: session } });
  expect(blocked.headers.get('location')).toMatch(/^\/dang-nhap\/ma-xac-thuc/);
  const page = await (await fetch(`${t.url}/dang-nhap/ma-xac-thuc`, { headers: { cookie: session } })).text();
  const sessionCsrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
  const wrong = await fetch(`${t.url}/dang-nhap/ma-xac-thuc`, { method: 'POST', redirect: 'manual', headers: { ...form, cookie: session }, body: new URLSearchParams({ _csrf: sessionCsrf, code: '000000' }) });
  expect(wrong.status).toBe(401);
  const ok = await fetch(`${t.url}/dang-nhap/ma-xac-thuc`, { method: 'POST', redirect: 'manual', headers: { ...form, cookie: session }, body: new URLSearchParams({ _csrf: sessionCsrf, code: totpFor(secret, 'x').generate() }) });
  expect(ok.status).toBe(303);
  expect((await fetch(`${t.url}/quan-tri/chu-van-an`, { headers: { cookie: session } })).status).toBe(200);
});

test('a password link sets the password once', async () => {
  const u = await t.createStaff('viewer');
  const { rows } = await sql<{ id: string }>`select id from users where username = ${u.username}`.execute(t.db);
  const token = await createPasswordToken(t.db, rows[0].id, 'reset');
  const { cookie, csrf } = await anonymousForm(`${t.url}/dat-mat-khau/${token}`);
  const post = (pw: string, pw2 = pw) => fetch(`${t.url}/dat-mat-khau/${token}`, { method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams({ _csrf: csrf, password: pw, password2: pw2 }) });
  expect((await post('ngan')).status).toBe(422);
  expect((await post('MatKhauMoi2026', 'khac2026xxxx')).status).toBe(422);
  expect((await post('MatKhauMoi2026')).status).toBe(303);
  expect((await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: 'MatKhauMoi2026' }))).status).toBe(200);
  expect((await post('MatKhauKhac2026')).status).toBe(404);
});

test('a city account reads every child unit, a ward account only its own', async () => {
  const city = await t.unitId('hai-phong');
  const ids = await readableUnits(t.db, city, ['city']);
  expect(ids).toContain(await t.unitId('chu-van-an'));
  expect(ids).toContain(await t.unitId('chi-linh'));
  expect(await readableUnits(t.db, await t.unitId('chu-van-an'), ['admin'])).toEqual([await t.unitId('chu-van-an')]);
  const rows = await withUnits(t.appDb, ids, (trx) => trx.selectFrom('residential_groups').select('unit_id').execute());
  expect(rows.length).toBeGreaterThan(0);
});
