import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../helpers/app.js';
import { passwordProblem } from '../../src/core/auth/passwords.js';
import { createPasswordToken, createUser } from '../../src/core/auth/accounts.js';

// Defect 9 (issue 11): the first admin accepted "password12". Every password is checked.
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const WEAK = ['password12', 'Password123', 'P@ssw0rd2026', 'qwerty123456', '1234567890a', 'matkhau2026', 'Matkhau@2026',
  'iloveyou2026', 'admin123456', 'aaaaaaaaa1', 'abc123abc123'];
const STRONG = ['Ban mai 7 giờ ở phường', 'ThanThien2026', 'xe-dap-xanh-1975', 'MatKhauThu123'];

test('common passwords and common words with digits around them are refused', async () => {
  for (const p of WEAK) expect(await passwordProblem(p), p).not.toBeNull();
  for (const p of STRONG) expect(await passwordProblem(p), p).toBeNull();
  expect(await passwordProblem('canbo.minh.2026', 'canbo.minh')).toMatch(/tên đăng nhập/);
});

test('a password link and account creation refuse "password12"', async () => {
  const u = await t.createStaff('admin');
  const { rows } = await sql<{ id: string }>`select id from users where username = ${u.username}`.execute(t.db);
  const token = await createPasswordToken(t.db, rows[0].id, 'setup');
  const { cookie, csrf } = await anonymousForm(`${t.url}/dat-mat-khau/${token}`);
  const res = await fetch(`${t.url}/dat-mat-khau/${token}`, { method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams({ _csrf: csrf, password: 'password12', password2: 'password12' }) });
  expect(res.status).toBe(422);
  expect(await res.text()).toContain('quá phổ biến');
  await expect(createUser(t.db, { unitId: await t.unitId(), username: 'yeu.qua', displayName: 'x', roles: ['viewer'], password: 'password12' })).rejects.toThrow(/phổ biến/);
});
