import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let secrets: Record<string, string> = {};
const url = (channel: string, q = '') => `${t.url}/api/v1/units/chu-van-an/feedback/inbound/${channel}${q}`;

beforeAll(async () => {
  t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } });
  const admin = await t.createStaff('admin');
  const s = await t.login(admin.username, admin.password);
  for (const channel of ['sms', 'zalo', 'facebook', 'email']) {
    const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback/channel-secrets`, { method: 'POST', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ channel }) });
    expect(res.status).toBe(201);
    secrets[channel] = (await res.json()).secret;
  }
});
afterAll(async () => { await t?.close(); });

const postJson = (channel: string, body: unknown, secret?: string) => fetch(url(channel), {
  method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-feedback-secret': secret } : {}) }, body: JSON.stringify(body),
});

describe('inbound channel webhooks', () => {
  it('refuses a call without the channel secret, or with another channel\'s', async () => {
    expect((await postJson('sms', { from: '0912000111', text: 'Đèn đường hỏng' })).status).toBe(401);
    expect((await postJson('sms', { from: '0912000111', text: 'Đèn đường hỏng' }, secrets.zalo)).status).toBe(401);
  });

  it('creates items from SMS, Zalo and Facebook once, even when the webhook is retried', async () => {
    const sms = { from: '+84 912 000 111', text: 'Đèn đường ngõ 5 bị hỏng hai hôm nay', messageId: 'sms-1' };
    const first = await (await postJson('sms', sms, secrets.sms)).json();
    const again = await (await postJson('sms', sms, secrets.sms)).json();
    expect(first.received[0].created).toBe(true);
    expect(again.received[0]).toEqual({ code: first.received[0].code, created: false });
    const zalo = await postJson('zalo', { event_name: 'user_send_text', sender: { id: 'zl-9' }, message: { text: 'Rác thải ở chợ bốc mùi hôi', msg_id: 'z-1' } }, secrets.zalo);
    expect(zalo.status).toBe(202);
    const viaQuery = await fetch(url('facebook', `?secret=${secrets.facebook}`), { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ object: 'page', entry: [{ messaging: [{ sender: { id: 'fb-3' }, message: { mid: 'm-1', text: 'Xin hỏi thủ tục khai sinh' } }] }] }) });
    expect(viaQuery.status).toBe(202);
    const rows = await sql<{ channel: string; category: string; sender_phone: string | null; sender_handle: string }>`
      select channel, category, sender_phone, sender_handle from feedback where sender_handle in ('fb-3', '+84 912 000 111', 'zl-9') order by channel`.execute(t.db);
    expect(rows.rows).toEqual([
      { channel: 'facebook', category: 'procedure', sender_phone: null, sender_handle: 'fb-3' },
      { channel: 'sms', category: 'infrastructure', sender_phone: '0912000111', sender_handle: '+84 912 000 111' },
      { channel: 'zalo', category: 'environment', sender_phone: null, sender_handle: 'zl-9' },
    ]);
    const acks = await sql<{ n: number }>`select count(*)::int as n from feedback_outbound where recipient in ('fb-3', '+84 912 000 111', 'zl-9')`.execute(t.db);
    expect(acks.rows[0].n).toBe(3);
    expect((await postJson('sms', { text: 'thiếu số' }, secrets.sms)).status).toBe(422);
  });

  it('turns a raw MIME e-mail into an item and acknowledges it by e-mail', async () => {
    const raw = ['From: "Lê Thị Thu" <thu.le@example.vn>', 'To: phananh@example.vn', 'Subject: Cây đổ chắn đường', 'Message-ID: <m1@example.vn>',
      'Content-Type: text/plain; charset=utf-8', '', 'Cây đổ chắn ngang ngõ 61 sau trận mưa đêm qua.', ''].join('\r\n');
    const res = await fetch(url('email'), { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-feedback-secret': secrets.email }, body: raw });
    expect(res.status).toBe(202);
    const { received } = await res.json();
    const row = await sql<{ content: string; sender_email: string; sender_name: string }>`select content, sender_email, sender_name from feedback where code = ${received[0].code}`.execute(t.db);
    expect(row.rows[0]).toEqual({ content: 'Cây đổ chắn đường\n\nCây đổ chắn ngang ngõ 61 sau trận mưa đêm qua.', sender_email: 'thu.le@example.vn', sender_name: 'Lê Thị Thu' });
    const mail = await sql<{ subject: string }>`select payload->>'subject' as subject from outbox where payload->>'to' = 'thu.le@example.vn'`.execute(t.db);
    expect(mail.rows[0].subject).toBe(`Đã tiếp nhận phản ánh ${received[0].code}`);
    const bad = await fetch(url('email'), { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-feedback-secret': secrets.email }, body: 'không phải thư' });
    expect(bad.status).toBe(422);
  });

  it('records the weekly intake and shows the gap', async () => {
    const s = await t.login('mattran');
    const form = new URLSearchParams({ _csrf: s.csrf, group: 'organisation:youth_union', week: '2026-W47', metOn: '2026-11-18', itemsCount: '2' });
    const res = await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/tiep-nhan-tuan`, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã ghi sổ tiếp nhận.');
    const wrongDay = new URLSearchParams({ _csrf: s.csrf, group: 'organisation:youth_union', week: '2026-W47', metOn: '2026-11-30' });
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/tiep-nhan-tuan`, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: wrongDay })).status).toBe(422);
    const row = await sql<{ items_count: number }>`select items_count from feedback_intakes where group_code = 'youth_union' and iso_year = 2026 and iso_week = 47`.execute(t.db);
    expect(row.rows[0].items_count).toBe(2);
  });
});
