import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { newTotpSecret } from './login.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function forgot(who: string) {
  const { cookie, csrf } = await anonymousForm(`${t.url}/dang-nhap/quen-mat-khau`);
  const res = await fetch(`${t.url}/dang-nhap/quen-mat-khau`, { method: 'POST', redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, who }) });
  return { status: res.status, html: await res.text() };
}

const mailsTo = async (to: string) => (await sql<{ subject: string; text: string }>`select payload->>'subject' as subject, payload->>'text' as text
  from outbox where kind = 'email' and payload->>'to' = ${to} order by created_at`.execute(t.db)).rows;

async function staffWithEmail(role: 'viewer' | 'leader' | 'admin', email: string | null) {
  const u = await t.createStaff(role);
  const { rows } = await sql<{ id: string }>`update users set email = ${email} where username = ${u.username} returning id`.execute(t.db);
  return { ...u, id: rows[0].id };
}

test('the login page links to "Quên mật khẩu"', async () => {
  const login = await (await fetch(`${t.url}/dang-nhap`)).text();
  expect(login).toContain('href="/dang-nhap/quen-mat-khau"');
  const page = await fetch(`${t.url}/dang-nhap/quen-mat-khau`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Tên đăng nhập hoặc email');
});

test('a reset request answers the same whether or not the account exists, and emails a one-time link', async () => {
  const u = await staffWithEmail('viewer', 'Can.Bo@Example.vn');
  const noEmail = await staffWithEmail('viewer', null);
  const known = await forgot(u.username);
  const unknown = await forgot('khong_co_tai_khoan');
  const withoutEmail = await forgot(noEmail.username);
  expect(known.status).toBe(200);
  expect(unknown).toEqual(known);
  expect(withoutEmail).toEqual(known);
  expect(known.html).toMatch(/Nếu thông tin bạn nhập khớp/);

  const mails = await mailsTo('Can.Bo@Example.vn');
  expect(mails).toHaveLength(1);
  expect(mails[0].text).toContain(u.username);
  const link = /\/dat-mat-khau\/([\w-]+)/.exec(mails[0].text)![1];
  // A second request within minutes sends nothing more (and looks the same); so does the email address.
  expect(await forgot(u.username)).toEqual(known);
  expect(await forgot('can.bo@example.vn')).toEqual(known);
  expect(await mailsTo('Can.Bo@Example.vn')).toHaveLength(1);

  const { cookie, csrf } = await anonymousForm(`${t.url}/dat-mat-khau/${link}`);
  const set = () => fetch(`${t.url}/dat-mat-khau/${link}`, { method: 'POST', redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, password: 'MatKhauMoi2027', password2: 'MatKhauMoi2027' }) });
  expect((await set()).status).toBe(303);
  expect((await set()).status).toBe(404); // single use
  expect((await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: 'MatKhauMoi2027' }))).status).toBe(200);
  expect((await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: u.password }))).status).toBe(401);

  const { rows } = await sql<{ action: string; actor_id: string | null; after: unknown }>`select action, actor_id, after from audit_log
    where entity = 'user' and entity_id = ${u.id} order by id`.execute(t.db);
  expect(rows.map((r) => r.action)).toEqual(['user.password_reset_request', 'user.password_set']);
  expect(rows[1]).toMatchObject({ actor_id: u.id, after: { via: 'reset' } });
});

test('setting a password through an admin link is audited too', async () => {
  const u = await staffWithEmail('viewer', null);
  const { createPasswordToken } = await import('./accounts.js');
  const token = await createPasswordToken(t.db, u.id, 'setup');
  const { cookie, csrf } = await anonymousForm(`${t.url}/dat-mat-khau/${token}`);
  const res = await fetch(`${t.url}/dat-mat-khau/${token}`, { method: 'POST', redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, password: 'MatKhauDau2027', password2: 'MatKhauDau2027' }) });
  expect(res.status).toBe(303);
  const { rows } = await sql<{ after: unknown }>`select after from audit_log where action = 'user.password_set' and entity_id = ${u.id}`.execute(t.db);
  expect(rows).toEqual([{ after: { via: 'setup' } }]);
});

test('an admin turns off a user\'s two-step verification (audited); others may not', async () => {
  const admin = await t.createStaff('admin');
  const u = await staffWithEmail('leader', null);
  const secret = newTotpSecret();
  await sql`update users set totp_secret = ${secret}, totp_enabled = true where id = ${u.id}`.execute(t.db);
  expect((await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: u.password }))).status).toBe(401);

  const post = async (who: { cookie: string }, id: string) => {
    const page = await (await fetch(`${t.url}/quan-tri/chu-van-an`, { headers: { cookie: who.cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
    return fetch(`${t.url}/quan-tri/chu-van-an/tai-khoan-can-bo/${id}/tat-xac-thuc-hai-buoc`, { method: 'POST', redirect: 'manual',
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }) });
  };
  const leader = await t.login('lanhdao');
  expect((await post(leader, u.id)).status).toBe(403);

  const s = await t.login(admin.username, admin.password);
  const list = await (await fetch(`${t.url}/quan-tri/chu-van-an/tai-khoan-can-bo`, { headers: { cookie: s.cookie } })).text();
  expect(list).toContain(`/tai-khoan-can-bo/${u.id}/tat-xac-thuc-hai-buoc`);
  const off = await post(s, u.id);
  expect(off.status).toBe(200);
  expect(await off.text()).toMatch(/Đã tắt xác thực hai bước/);
  const { rows } = await sql<{ totp_enabled: boolean; totp_secret: string | null }>`select totp_enabled, totp_secret from users where id = ${u.id}`.execute(t.db);
  expect(rows[0]).toEqual({ totp_enabled: false, totp_secret: null });
  const logged = await sql<{ actor_id: string; before: unknown; after: unknown }>`select actor_id, before, after from audit_log
    where action = 'user.totp_disable' and entity_id = ${u.id}`.execute(t.db);
  expect(logged.rows).toHaveLength(1);
  expect(logged.rows[0]).toMatchObject({ before: { totp_enabled: true }, after: { totp_enabled: false } });
  expect((await fetch(`${t.url}/api/v1/auth/login`, json({ username: u.username, password: u.password }))).status).toBe(200);
  expect((await post(s, u.id)).status).toBe(409); // already off

  // An account of another unit is not this admin's to change.
  const neighbour = await t.createStaff('viewer', 'chi-linh');
  const { rows: other } = await sql<{ id: string }>`update users set totp_enabled = true, totp_secret = ${secret}
    where username = ${neighbour.username} returning id`.execute(t.db);
  expect((await post(s, other[0].id)).status).toBe(404);
  expect((await post(s, 'khong-phai-uuid')).status).toBe(404);
});

test('reset requests are rate-limited', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await forgot(`khong_co_${i}`)).status);
  expect(statuses).toContain(429);
});
