import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { anonymousForm, startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'off' } }); });
afterAll(async () => { await t?.close(); });

describe('feedback pages', () => {
  it('shows the demo data on the staff list, the intake grid and the public board', async () => {
    const s = await t.login('lanhdao');
    const list = await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh?qua-han=1`, { headers: { cookie: s.cookie } });
    expect(list.status).toBe(200);
    const html = await list.text();
    const overdue = await sql<{ n: number }>`select count(*)::int as n from feedback where status in ('received','classified','assigned','in_progress')
      and due_date < (now() at time zone 'Asia/Ho_Chi_Minh')::date`.execute(t.db);
    expect(overdue.rows[0].n).toBeGreaterThan(0);
    expect((html.match(/· Quá hạn/g) ?? []).length).toBe(overdue.rows[0].n);
    const intake = await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/tiep-nhan-tuan`, { headers: { cookie: s.cookie } });
    const grid = await intake.text();
    expect(grid).toContain('Hội Liên hiệp Phụ nữ');
    expect(grid).toContain('Chưa ghi nhận');
    const board = await (await fetch(`${t.url}/chu-van-an/phan-anh/cong-khai`)).text();
    const published = await sql<{ n: number }>`select count(*)::int as n from feedback where published`.execute(t.db);
    expect((board.match(/class="feedback-board__item"/g) ?? []).length).toBe(Math.min(20, published.rows[0].n));
    expect(board).not.toContain('Cán bộ thu phí');
  });

  it('staff record a letter from a suggestion box, audited', async () => {
    const s = await t.login('mattran');
    const form = new URLSearchParams({ _csrf: s.csrf, channel: 'suggestion_box', category: 'environment', content: 'Đề nghị thu gom rác đúng giờ ở tổ 4.', boxLocation: 'Hòm thư Tổ dân phố Sao Đỏ 4', receivedOn: '2026-11-20' });
    const res = await fetch(`${t.url}/quan-tri/chu-van-an/phan-anh/ghi-nhan`, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(res.status).toBe(201);
    const code = /Đã ghi nhận phản ánh (PA-\d{4}-\w+)/.exec(await res.text())![1];
    const row = await sql<{ box_location: string; received_at: Date; audited: number }>`select box_location, received_at,
      (select count(*)::int from audit_log a where a.action = 'feedback.record' and a.entity_id = f.id::text) as audited from feedback f where code = ${code}`.execute(t.db);
    expect(row.rows[0]).toMatchObject({ box_location: 'Hòm thư Tổ dân phố Sao Đỏ 4', audited: 1 });
    expect(row.rows[0].received_at.toISOString()).toBe('2026-11-20T02:00:00.000Z');
  });

  it('rejects a fake photo with 415 and keeps the form', async () => {
    const f = await anonymousForm(`${t.url}/chu-van-an/phan-anh`);
    const fd = new FormData();
    fd.set('_csrf', f.csrf);
    fd.set('category', 'environment');
    fd.set('content', 'Nước thải chảy ra đường trước chợ.');
    fd.set('photos', new Blob(['%PDF-1.4 giả ảnh'], { type: 'image/jpeg' }), 'anh.jpg');
    const res = await fetch(`${t.url}/chu-van-an/phan-anh`, { method: 'POST', body: fd, headers: { cookie: f.cookie } });
    expect(res.status).toBe(415);
    const html = await res.text();
    expect(html).toContain('không phải là ảnh hợp lệ');
    expect(html).toContain('Nước thải chảy ra đường trước chợ.');
  });
});
