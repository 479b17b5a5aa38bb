import { sql } from 'kysely';
import { anonymousForm, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { devOutbox } from '../../surveys/index.js';
import { householdKey } from '../households/import.js';
import { vnLocalDateTime } from '../../../lib/vn-calendar/index.js';

export const UNIT = 'chu-van-an';

export async function groupIds(t: TestApp): Promise<Record<string, string>> {
  const { rows } = await sql<{ id: string; code: string }>`select id, code from residential_groups where unit_id = ${await t.unitId()}`.execute(t.db);
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** A household stored directly (owner connection), with its head as first member. */
export async function addHousehold(t: TestApp, groupId: string, head: string, phone: string | null,
  members: string[] = []): Promise<string> {
  const unitId = await t.unitId();
  const address = `Số ${Math.floor(Math.random() * 1e6)} ngõ Thử`;
  const { rows } = await sql<{ id: string }>`insert into community_households (unit_id, group_id, head_name, address, phone, dedupe_key)
    values (${unitId}, ${groupId}, ${head}, ${address}, ${phone}, ${householdKey(groupId, head, address)}) returning id`.execute(t.db);
  for (const [i, name] of [head, ...members].entries()) {
    await sql`insert into community_members (unit_id, household_id, position, full_name, is_head) values (${unitId}, ${rows[0].id}, ${i}, ${name}, ${i === 0})`.execute(t.db);
  }
  return rows[0].id;
}

export function form(session: Session | { cookie: string; csrf: string }, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.append('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body,
    redirect: 'manual' as const };
}

/** Creates a poll through the staff form and opens it; returns its id and public code. */
export async function createPoll(t: TestApp, staff: Session, fields: Record<string, string>): Promise<{ id: string; code: string }> {
  const fd = new FormData();
  fd.append('_csrf', staff.csrf);
  const now = Date.now();
  const local = (ms: number) => vnLocalDateTime(new Date(ms));
  const all = { title: 'Đóng góp làm đường ngõ 5', matter: 'contribution', opens_at: local(now - 3600_000),
    closes_at: local(now + 7 * 86400_000),
    options: 'Đồng ý\nKhông đồng ý', ...fields };
  for (const [k, v] of Object.entries(all)) fd.append(k, v);
  const res = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/moi`, { method: 'POST',
    headers: { cookie: staff.cookie }, body: fd, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`create poll ${res.status}: ${(await res.text()).slice(0, 2000)}`);
  const id = res.headers.get('location')!.split('/').pop()!;
  const open = await fetch(`${t.url}/quan-tri/${UNIT}/cong-dong/bieu-quyet/${id}/trang-thai`, form(staff, { action: 'open' }));
  if (open.status !== 303) throw new Error(`open poll ${open.status}`);
  const { rows } = await sql<{ code: string }>`select code from community_polls where id = ${id}`.execute(t.db);
  return { id, code: rows[0].code };
}

/** The newest development message to this phone: its 6-digit code. */
export function lastCode(phone: string): string {
  const m = [...devOutbox].reverse().find((x) => x.to === phone);
  const code = m && /(\d{6})/.exec(m.text)?.[1];
  if (!code) throw new Error(`no code for ${phone}`);
  return code;
}

/** Votes through the public web pages as an anonymous visitor. */
export async function webVote(t: TestApp, code: string, phone: string, option: string, channel = 'sms'): Promise<Response> {
  const page = await anonymousForm(`${t.url}/${UNIT}/bieu-quyet/${code}`);
  const res = await fetch(`${t.url}/${UNIT}/bieu-quyet/${code}/ma`, form(page, { phone, kenh: channel }));
  if (res.status !== 200) return res;
  const html = await res.text();
  const otp = /name="otp" value="([^"]+)"/.exec(html)![1];
  const optionId = new RegExp(`value="([^"]+)"[^>]*/?>\\s*<label[^>]*>${option}<`).exec(html)?.[1];
  if (!optionId) throw new Error(`no option ${option}`);
  return fetch(`${t.url}/${UNIT}/bieu-quyet/${code}/bo-phieu`, form(page, { otp, code: lastCode(phone), option: optionId, kenh: channel }));
}
