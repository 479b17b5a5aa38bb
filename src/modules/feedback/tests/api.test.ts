import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
const api = (path: string) => `${t.url}/api/v1/units/chu-van-an${path}`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(api(path), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

describe('feedback API', () => {
  it('lists the category codes', async () => {
    const res = await fetch(api('/feedback/categories'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.categories.map((c: { code: string }) => c.code)).toEqual(['procedure', 'conduct', 'infrastructure', 'environment', 'security', 'suggestion', 'praise', 'other']);
    expect(body.categories[0].name).toBe('Thủ tục hành chính');
  });

  it('creates an item and returns its code, status and status page', async () => {
    const res = await post('/feedback', { category: 'environment', content: 'Rác thải tồn đọng ở đầu ngõ 12 đã ba ngày.', email: 'hoa@example.vn', lat: 20.8561, lng: 106.6822 });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.code).toMatch(/^PA-\d{4}-[2-9A-HJKMNP-Z]{10}$/);
    expect(body.status).toBe('received');
    expect(body.url).toBe(`${t.url}/chu-van-an/phan-anh/${body.code}`);
    const row = await sql<{ due_date: string; channel: string }>`select due_date, channel from feedback where code = ${body.code}`.execute(t.db);
    expect(row.rows[0].channel).toBe('api');
  });

  it('returns the first code for a double submit (same client and text, or same idempotency key)', async () => {
    const item = { category: 'infrastructure', content: 'Đèn đường trước số nhà 25 bị hỏng từ hôm qua.' };
    const a = await (await post('/feedback', item)).json();
    const second = await post('/feedback', item);
    expect(second.status).toBe(200);
    expect((await second.json()).code).toBe(a.code);
    const k1 = await (await post('/feedback', { ...item, content: 'Khác nội dung 1 nhưng cùng khóa.' }, { 'idempotency-key': 'abc-123' })).json();
    const k2 = await (await post('/feedback', { ...item, content: 'Khác nội dung 2 nhưng cùng khóa.' }, { 'idempotency-key': 'abc-123' })).json();
    expect(k2.code).toBe(k1.code);
  });

  it('rejects bad input with Vietnamese messages and 422', async () => {
    const res = await post('/feedback', { category: 'environment', content: 'ngắn', phone: '123' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.details.content).toBe('Nội dung phản ánh cần ít nhất 10 ký tự.');
    expect(body.error.details.phone).toMatch(/Số điện thoại/);
    expect((await post('/feedback', { category: 'weather', content: 'Nội dung đủ dài để gửi.' })).status).toBe(400);
  });

  it('answers by e-mail and shows the answer without personal data', async () => {
    const created = await (await post('/feedback', { category: 'procedure', content: 'Hồ sơ chứng thực nộp tuần trước chưa có kết quả.', name: 'Nguyễn Thị Hoa', phone: '0912000111', email: 'hoa2@example.vn' })).json();
    const s = await t.login('lanhdao');
    const act = (body: object) => fetch(api(`/feedback/${created.code}/actions`), { method: 'POST', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await act({ action: 'answer', reply: 'x' })).status).toBe(409);
    expect((await act({ action: 'classify' })).status).toBe(200);
    const answered = await act({ action: 'answer', reply: 'Hồ sơ đã có kết quả, mời ông/bà đến nhận.' });
    expect(await answered.json()).toEqual({ code: created.code, status: 'answered' });
    const mail = await sql<{ payload: { to: string; subject: string; text: string } }>`select payload from outbox where kind = 'email' order by created_at desc limit 1`.execute(t.db);
    expect(mail.rows[0].payload.to).toBe('hoa2@example.vn');
    expect(mail.rows[0].payload.text).toContain('Hồ sơ đã có kết quả');
    const pub = await (await fetch(`${t.url}/api/v1/feedback/${created.code}`)).json();
    expect(pub.status).toBe('answered');
    expect(pub.reply).toBe('Hồ sơ đã có kết quả, mời ông/bà đến nhận.');
    expect(pub.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'classify', 'answer']);
    const text = JSON.stringify(pub);
    for (const secret of ['Nguyễn Thị Hoa', '0912000111', 'hoa2@example.vn', 'chứng thực nộp']) expect(text).not.toContain(secret);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action in ('feedback.classify', 'feedback.answer') and entity_id = (select id::text from feedback where code = ${created.code})`.execute(t.db);
    expect(audit.rows[0].n).toBe(2);
  });

  it('answers 404 for unknown codes and keeps another ward out', async () => {
    expect((await fetch(`${t.url}/api/v1/feedback/PA-2026-ZZZZZZ`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/v1/feedback/khong-phai-ma`)).status).toBe(404);
    const other = await t.appDb.transaction().execute(async (trx) => {
      await sql`select set_config('app.unit_ids', ${'00000000-0000-0000-0000-000000000000'}, true)`.execute(trx);
      return sql<{ n: number }>`select count(*)::int as n from feedback`.execute(trx);
    });
    expect(other.rows[0].n).toBe(0);
  });

  it('hides conduct items from staff without the leader or inspection role', async () => {
    const created = await (await post('/feedback', { category: 'conduct', content: 'Cán bộ một cửa có thái độ không đúng mực với người dân.' })).json();
    const officer = await t.login('vanhoa');
    const res = await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/${created.code}`, { headers: { cookie: officer.cookie } });
    expect(res.status).toBe(404);
    const inspector = await t.login('thanhtra');
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/${created.code}`, { headers: { cookie: inspector.cookie } })).status).toBe(200);
  });
});
