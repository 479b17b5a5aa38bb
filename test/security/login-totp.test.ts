import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../helpers/app.js';
import { newTotpSecret, totpFor, MAX_TOTP_FAILURES, growingDelay, PAIR_FREE_FAILURES, PAIR_MAX_DELAY_S } from '../../src/core/auth/login.js';

// Defects 6 and 7 (issue 11): a TOTP code worked twice, wrong codes were unlimited, /auth/me
// answered 200 to a half-logged-in session; the lock-out let anyone lock `admin` forever and its
// answer told which usernames exist.
process.env.TRUST_PROXY = '1';
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const login = (body: Record<string, string>, ip = '10.0.0.1') => fetch(`${t.url}/api/v1/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(body),
});

async function totpUser() {
  const u = await t.createStaff('leader');
  const secret = newTotpSecret();
  await sql`update users set totp_secret = ${secret}, totp_enabled = true where username = ${u.username}`.execute(t.db);
  return { ...u, secret, code: () => totpFor(secret, 'x').generate() };
}

test('a TOTP code works once', async () => {
  const u = await totpUser();
  const code = u.code();
  expect((await login({ username: u.username, password: u.password, totp: code }, '10.0.1.1')).status).toBe(200);
  const replay = await login({ username: u.username, password: u.password, totp: code }, '10.0.1.2');
  expect(replay.status).toBe(401);
  expect((await replay.json()).error.code).toBe('totp_required');
});

test('wrong TOTP codes are limited per account, whatever the address', async () => {
  const u = await totpUser();
  const right = u.code();
  const wrong = right === '000000' ? '111111' : '000000';
  for (let i = 0; i < MAX_TOTP_FAILURES - 1; i++) {
    expect((await login({ username: u.username, password: u.password, totp: wrong }, `10.0.2.${i}`)).status).toBe(401);
  }
  expect((await login({ username: u.username, password: u.password, totp: wrong }, '10.0.2.50')).status).toBe(429);
  const blocked = await login({ username: u.username, password: u.password, totp: right }, '10.0.2.51');
  expect(blocked.status).toBe(429);
  expect((await blocked.json()).error.code).toBe('totp_blocked');
});

test('/api/v1/auth/me refuses a session that passed the password but not the second factor', async () => {
  const u = await totpUser();
  const { cookie, csrf } = await anonymousForm(`${t.url}/dang-nhap`);
  const res = await fetch(`${t.url}/dang-nhap`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, username: u.username, password: u.password }) });
  expect(res.headers.get('location')).toMatch(/ma-xac-thuc/);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie: session } });
  expect(me.status).toBe(401);
  expect((await me.json()).error.code).toBe('second_factor_required');
});

test('nobody can lock an account: guesses from other addresses do not stop its owner', async () => {
  const u = await t.createStaff('admin');
  expect((await login({ username: u.username, password: u.password }, '10.0.3.1')).status).toBe(200); // the owner's usual address
  const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => login({ username: u.username, password: `doan-sai-${i}` }, `10.9.${i}.1`)));
  expect(guesses.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  expect((await login({ username: u.username, password: u.password }, '10.0.3.1')).status).toBe(200);
  const { rows } = await sql<{ locked_until: Date | null }>`select locked_until from users where username = ${u.username}`.execute(t.db);
  expect(rows[0].locked_until).toBeNull();
});

test('unknown and real usernames get the same answers, and delays grow', async () => {
  const u = await t.createStaff('viewer');
  const seq = async (username: string, ip: string) => {
    const out: string[] = [];
    for (let i = 0; i < PAIR_FREE_FAILURES + 2; i++) {
      const r = await login({ username, password: 'sai-mat-khau-9' }, ip);
      out.push(`${r.status} ${(await r.json()).error.code}`);
    }
    return out;
  };
  const real = await seq(u.username, '10.0.4.1');
  const unknown = await seq('khong-ton-tai-' + u.username, '10.0.4.2');
  expect(unknown).toEqual(real);
  expect(real.at(-1)).toBe('429 too_many');
  expect([3, 4, 5, 6, 20].map((n) => growingDelay(n, PAIR_FREE_FAILURES, PAIR_MAX_DELAY_S))).toEqual([1, 2, 4, 8, PAIR_MAX_DELAY_S]);
});
