/** Workflow edges through the real pages: each step writes one event and one audit entry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Session, type TestApp, anonymousForm, startLoggedInApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let leader: Session;
const STAFF = '/quan-tri/chu-van-an/phan-anh';
const PUBLIC = '/chu-van-an/phan-anh';

beforeAll(async () => {
  ({ t, session: leader } = await startLoggedInApp('lanhdao', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

let n = 0;
async function create(extra: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'infrastructure', content: `Vỉa hè đoạn số ${++n} phố Trần Phú bị bong gạch, dễ vấp ngã.`, ...extra }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).code;
}

/** One staff form post: `action` plus its fields named `<field>-<action>`, as the detail page sends them. */
function act(s: Session, code: string, action: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({ _csrf: s.csrf, action });
  for (const [k, v] of Object.entries(fields)) body.set(`${k}-${action}`, v);
  return fetch(`${t.url}${STAFF}/${code}/xu-ly`, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
}

function moderate(code: string, fields: Record<string, string>) {
  return fetch(`${t.url}${STAFF}/${code}/cong-khai`, {
    method: 'POST', headers: { cookie: leader.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: leader.csrf, ...fields }),
  });
}

const item = async (code: string) => (await sql<{ id: string; status: string; merged_into: string | null; public_reply: string | null; reopen_count: number; closed_at: Date | null; published: boolean }>`
  select id, status, merged_into, public_reply, reopen_count, closed_at, published from feedback where code = ${code}`.execute(t.db)).rows[0];
const events = async (code: string) => (await sql<{ action: string; from_status: string; to_status: string; note: string | null; is_public: boolean }>`
  select e.action, e.from_status, e.to_status, e.note, e.is_public from feedback_events e join feedback f on f.id = e.feedback_id
  where f.code = ${code} order by e.at, e.id`.execute(t.db)).rows;
const audits = async (code: string) => (await sql<{ action: string; actor_id: string | null; actor_name: string; after: any }>`
  select a.action, a.actor_id, a.actor_name, a.after from audit_log a where a.entity = 'feedback'
  and a.entity_id = (select id::text from feedback where code = ${code}) order by a.id`.execute(t.db)).rows;
const mailsTo = async (to: string) => (await sql<{ subject: string; text: string }>`
  select payload->>'subject' as subject, payload->>'text' as text from outbox where kind = 'email' and payload->>'to' = ${to} order by created_at`.execute(t.db)).rows;
const publicPage = async (code: string) => (await fetch(`${t.url}${PUBLIC}/${code}`)).text();
const publicJson = async (code: string) => (await fetch(`${t.url}/api/v1/feedback/${code}`)).json();

describe('feedback workflow edges over HTTP', () => {
  it('reject: the reason is required, recorded, shown on the status page and sent to the citizen by the reply path', async () => {
    const code = await create({ email: 'tu.choi@example.vn' });
    const missing = await act(leader, code, 'reject', { note: ' ' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Vui lòng nhập đủ thông tin bắt buộc.');
    const reason = 'Nội dung thuộc thẩm quyền của Công ty Điện lực, phường đã chuyển đơn vị này xử lý.';
    const res = await act(leader, code, 'reject', { note: reason });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã cập nhật phản ánh.');
    expect(await item(code)).toMatchObject({ status: 'rejected', public_reply: reason });
    expect(await events(code)).toEqual([{ action: 'reject', from_status: 'received', to_status: 'rejected', note: reason, is_public: true }]);
    expect((await audits(code)).map((a) => a.action)).toEqual(['feedback.reject']);
    const mails = await mailsTo('tu.choi@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Phản ánh ${code} không được thụ lý`);
    expect(mails[0].text).toContain(reason);
    expect(mails[0].text).toContain(`${PUBLIC}/${code}`);
    const html = await publicPage(code);
    expect(html).toContain('Không thụ lý');
    expect(html).toContain(reason);
    expect(await publicJson(code)).toMatchObject({ status: 'rejected', reply: reason });
    // A rejected item is finished: a second refusal is a conflict, not a 500.
    expect((await act(leader, code, 'reject', { note: reason })).status).toBe(409);
  });

  it('a refusal of an SMS item goes back by SMS (feedback_outbound)', async () => {
    const code = await create({ phone: '0912 000 333' });
    await act(leader, code, 'reject', { note: 'Phản ánh không nêu rõ địa điểm, đề nghị gửi lại kèm địa chỉ.' });
    const out = await sql<{ channel: string; recipient: string; body: string }>`select o.channel, o.recipient, o.body from feedback_outbound o
      join feedback f on f.id = o.feedback_id where f.code = ${code}`.execute(t.db);
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]).toMatchObject({ channel: 'sms', recipient: '0912000333' });
    expect(out.rows[0].body).toContain('không nêu rõ địa điểm');
  });

  it('mark duplicate and merge: the target code is checked, stored and shown on the public status page', async () => {
    const original = await create();
    const dup = await create();
    const merged = await create();
    const eventsBefore = (await events(dup)).length;
    for (const bad of [dup, 'PA-2026-ZZZZZZ']) {
      const res = await act(leader, dup, 'mark_duplicate', { targetCode: bad });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('Mã phản ánh gốc không hợp lệ.');
    }
    expect(await events(dup)).toHaveLength(eventsBefore);
    expect(await audits(dup)).toEqual([]);

    expect((await act(leader, dup, 'mark_duplicate', { targetCode: original.toLowerCase() })).status).toBe(200);
    expect((await act(leader, merged, 'merge', { targetCode: original })).status).toBe(200);
    const target = await item(original);
    for (const [code, status, action] of [[dup, 'duplicate', 'mark_duplicate'], [merged, 'merged', 'merge']] as const) {
      const row = await item(code);
      expect(row).toMatchObject({ status, merged_into: target.id });
      expect(row.closed_at).not.toBeNull();
      expect(await events(code)).toEqual([{ action, from_status: 'received', to_status: status, note: null, is_public: false }]);
      expect((await audits(code)).map((a) => [a.action, a.after.merged_into])).toEqual([[`feedback.${action}`, target.id]]);
      const html = await publicPage(code);
      expect(html).toContain(`data-merged-into="${original}"`);
      expect(html).toContain(`href="${PUBLIC}/${original}"`);
      expect((await publicJson(code)).mergedInto).toBe(original);
    }
    expect(await publicPage(dup)).toContain('Phản ánh này trùng với phản ánh');
    expect(await publicPage(merged)).toContain('Phản ánh này đã được gộp vào phản ánh');
    expect((await publicJson(original)).mergedInto).toBeNull();
  });

  it('citizen reopen: from the status page, with a reason, audited as the citizen, new deadline', async () => {
    const code = await create({ email: 'mo.lai@example.vn' });
    expect((await act(leader, code, 'classify')).status).toBe(200);
    expect((await act(leader, code, 'answer', { reply: 'Phường đã lát lại vỉa hè đoạn này ngày hôm qua.' })).status).toBe(200);
    const form = await anonymousForm(`${t.url}${PUBLIC}/${code}`);
    const post = (reason: string) => fetch(`${t.url}${PUBLIC}/${code}/mo-lai`, {
      method: 'POST', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: form.csrf, reason }),
    });
    expect((await post('Ngắn')).status).toBe(422);
    const reason = 'Vỉa hè mới lát lại đã bị bong gạch ở đoạn gần ngã tư.';
    const res = await post(reason);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Phản ánh đã được mở lại để xem xét.');
    expect(await item(code)).toMatchObject({ status: 'in_progress', reopen_count: 1, closed_at: null });
    expect((await events(code)).map((e) => [e.action, e.to_status, e.note, e.is_public])).toEqual([
      ['classify', 'classified', null, false], ['answer', 'answered', null, false], ['reopen', 'in_progress', reason, true],
    ]);
    const a = await audits(code);
    expect(a.map((x) => x.action)).toEqual(['feedback.classify', 'feedback.answer', 'feedback.reopen']);
    expect(a[2]).toMatchObject({ actor_id: null, actor_name: 'công dân' });
    expect(a[2].after.reopen_count).toBe(1);
    expect(await publicPage(code)).toContain(reason);
    // Reopening an item that is not answered is refused with a Vietnamese 409.
    const again = await post(reason);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Không thể thực hiện thao tác này');
  });

  it('publish and unpublish: leaders only, a summary is required, each writes an event and an audit entry', async () => {
    const code = await create();
    const officer = await t.login('vanhoa');
    expect((await fetch(`${t.url}${STAFF}/${code}/cong-khai`, {
      method: 'POST', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: officer.csrf, summary: 'Tóm tắt đủ dài để công khai.', publish: '1' }),
    })).status).toBe(403);
    const short = await moderate(code, { summary: 'Ngắn', boardReply: 'Phường sẽ lát lại vỉa hè phố Trần Phú.', publish: '1' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('Vui lòng nhập tóm tắt công khai (ít nhất 10 ký tự).');
    expect(await events(code)).toEqual([]);
    expect((await moderate(code, { summary: 'Vỉa hè phố Trần Phú bong gạch.', boardReply: 'Phường sẽ lát lại vỉa hè phố Trần Phú.', publish: '1' })).status).toBe(200);
    expect((await item(code)).published).toBe(true);
    expect((await moderate(code, { summary: 'Vỉa hè phố Trần Phú bong gạch.', publish: '0' })).status).toBe(200);
    expect((await item(code)).published).toBe(false);
    expect((await events(code)).map((e) => [e.action, e.is_public])).toEqual([['publish', false], ['unpublish', false]]);
    expect((await audits(code)).map((a) => [a.action, a.after.published])).toEqual([['feedback.publish', true], ['feedback.unpublish', false]]);
    const detail = await (await fetch(`${t.url}${STAFF}/${code}`, { headers: { cookie: leader.cookie } })).text();
    expect(detail).toContain('Công khai trên bảng phản ánh');
    expect(detail).toContain('Thôi công khai');
  });

  it('a conduct item is never published', async () => {
    const code = await create({ category: 'conduct', content: 'Cán bộ tiếp dân có thái độ cáu gắt với người cao tuổi.' });
    const res = await moderate(code, { summary: 'Phản ánh về thái độ của cán bộ.', boardReply: 'Phường đã kiểm tra và nhắc nhở.', publish: '1' });
    expect(res.status).toBe(409);
    expect((await item(code)).published).toBe(false);
  });

  it('hides the sender from the official the item is about, over HTTP', async () => {
    const sender = { name: 'Phạm Văn Khải', phone: '0912 345 999', email: 'pham.khai@example.vn' };
    const code = await create(sender);
    const officer = await t.login('vanhoa');
    const officerId = (await sql<{ id: string }>`select id from users where username = 'vanhoa'`.execute(t.db)).rows[0].id;
    const detail = async (s: Session) => (await fetch(`${t.url}${STAFF}/${code}`, { headers: { cookie: s.cookie } })).text();
    expect(await detail(officer)).toContain(sender.email); // not concerned yet
    expect((await act(leader, code, 'classify', { concernedOfficialId: officerId })).status).toBe(200);
    const html = await detail(officer);
    for (const secret of [sender.name, '0912345999', sender.email]) expect(html).not.toContain(secret);
    expect(html).toContain('Ẩn (phản ánh liên quan đến chính bạn)');
    const list = await (await fetch(`${t.url}${STAFF}`, { headers: { cookie: officer.cookie } })).text();
    for (const secret of [sender.name, '0912345999', sender.email]) expect(list).not.toContain(secret);
    const leaderView = await detail(leader);
    expect(leaderView).toContain(sender.email);
    expect(leaderView).toContain(sender.name);
    // The official may still handle the item; the sender stays hidden on the answer page.
    const answered = await act(officer, code, 'assign', { departmentCode: 'KT' });
    expect(answered.status).toBe(200);
    expect(await answered.text()).not.toContain(sender.email);
  });
});
