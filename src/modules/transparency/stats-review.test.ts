import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { sendReviewReminders } from './review-reminders.js';
import { auditRows, postForm, postMultipart } from './test-helpers.js';

let t: TestApp;
let leader: Session;
beforeAll(async () => { t = await startTestApp(); leader = await t.login('lanhdao'); });
afterAll(async () => { await t?.close(); });

const CSV = 'Năm;Tháng;Lĩnh vực;Trực tuyến;Trực tiếp;Đã giải quyết;Đúng hạn\n2031;1;Hộ tịch;30;10;40;38\n2031;1;Chứng thực;5;45;50;50\n2031;3;Hộ tịch;7;3;9;9\n';

describe('online-procedure statistics', () => {
  it('imports CSV figures (audited) and pins the rates computed from them', async () => {
    const res = await postMultipart(t, leader, '/quan-tri/chu-van-an/thong-ke/nhap', { source: 'Báo cáo thử nghiệm' }, { file: { name: 'so-lieu.csv', data: Buffer.from(CSV), type: 'text/csv' } });
    expect(res.status).toBe(303);
    expect((await auditRows(t, 'transparency.stats.import'))[0].after).toMatchObject({ rows: 3, source: 'Báo cáo thử nghiệm' });
    const body = await (await fetch(`${t.url}/api/v1/units/chu-van-an/stats/online?year=2031`)).json() as any;
    expect(body.source.id).toBe('imported');
    expect(body.source.description).toContain('Báo cáo thử nghiệm');
    expect(body.total).toEqual({ received_online: 42, received_in_person: 58, received: 100, resolved: 99, resolved_on_time: 97, online_rate: 42, on_time_rate: 98 });
    expect(body.by_month[0]).toMatchObject({ month: 1, received: 90, online_rate: 38.9, on_time_rate: 97.8 });
    expect(body.by_month[1]).toMatchObject({ received: 0, online_rate: null });
    expect(body.by_field.map((f: any) => [f.field, f.online_rate])).toEqual([['Chứng thực', 10], ['Hộ tịch', 74]]);
  });

  it('replaces a month on re-import and rejects a bad file without writing', async () => {
    const again = 'nam,thang,linh vuc,truc tuyen,truc tiep,da giai quyet,dung han\n2031,3,Hộ tịch,10,0,10,5\n';
    expect((await postMultipart(t, leader, '/quan-tri/chu-van-an/thong-ke/nhap', { source: 'Lần 2' }, { file: { name: 'b.csv', data: Buffer.from(again), type: 'text/csv' } })).status).toBe(303);
    const body = await (await fetch(`${t.url}/api/v1/units/chu-van-an/stats/online?year=2031`)).json() as any;
    expect(body.by_month[2]).toMatchObject({ received_online: 10, on_time_rate: 50 });
    const bad = await postMultipart(t, leader, '/quan-tri/chu-van-an/thong-ke/nhap', { source: 'x' }, { file: { name: 'c.csv', data: Buffer.from('nam,thang\n2031,1\n'), type: 'text/csv' } });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Thiếu cột');
    expect((await postMultipart(t, leader, '/quan-tri/chu-van-an/thong-ke/nhap', { source: 'x' }, { file: { name: 'c.txt', data: Buffer.from('a'), type: 'text/plain' } })).status).toBe(422);
  });

  it('renders the page with SVG charts and exports CSV and XLSX', async () => {
    const html = await (await fetch(`${t.url}/chu-van-an/thong-ke?nam=2031`)).text();
    expect(html).toContain('<svg');
    // after the re-import above: month 3 is 10 online, 0 in person, 10 resolved, 5 on time
    expect(html).toMatch(/data-online-rate[^>]*>45 %/);
    const raw = Buffer.from(await (await fetch(`${t.url}/chu-van-an/thong-ke/csv?nam=2031`)).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads the file as UTF-8
    const csv = raw.toString('utf8');
    expect(csv).toContain('2031,,Cả năm,45,55,45,100,93,93');
    const xlsx = Buffer.from(await (await fetch(`${t.url}/chu-van-an/thong-ke/xlsx?nam=2031`)).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const total = wb.worksheets[0].getRow(16); // header, 12 months, 2 fields, then the year
    expect([1, 3, 4, 5, 6, 7, 8, 9].map((c) => total.getCell(c).value)).toEqual([2031, 'Cả năm', 45, 55, 45, 100, 93, 93]);
    expect((await fetch(`${t.url}/api/v1/units/chu-van-an/stats/online?year=abc`)).status).toBe(400);
  });
});

describe('channels and review freshness', () => {
  it('lists overdue items, marks one reviewed with its channels (audited)', async () => {
    const html = await (await fetch(`${t.url}/quan-tri/chu-van-an/ra-soat`, { headers: { cookie: leader.cookie } })).text();
    expect(html).toContain('Quá hạn rà soát (2)');
    // every unit has its standard items from the reference seed: take the demo ward's
    const item = await t.db.selectFrom('published_items').select(['id']).where('item_type', '=', 'directory').where('unit_id', '=', await t.unitId()).executeTakeFirstOrThrow();
    const res = await postForm(t, leader, `/quan-tri/chu-van-an/ra-soat/${item.id}`, { channels: ['website', 'radio', 'bogus'], interval: '60' });
    expect(res.status).toBe(303);
    const after = await t.db.selectFrom('published_items').select(['channels', 'review_interval_days']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ channels: ['website', 'radio'], review_interval_days: 60 });
    expect((await auditRows(t, 'transparency.review.mark'))[0].entity_id).toBe(item.id);
    expect((await fetch(`${t.url}/quan-tri/chu-van-an/ra-soat`, { headers: { cookie: (await t.login('xem')).cookie } })).status).toBe(403);
  });

  it('queues one reminder email for newly overdue items, then none until something else falls due', async () => {
    const outboxCount = async () => Number((await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'email').executeTakeFirstOrThrow()).n);
    const before = await outboxCount();
    expect(await sendReviewReminders(t.appDb, 'http://example.test')).toBe(1);
    expect(await outboxCount()).toBe(before + 1);
    const mail = await t.db.selectFrom('outbox').select(['payload']).where('kind', '=', 'email').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.payload.subject).toContain('nội dung công khai quá hạn rà soát');
    expect(mail.payload.text).toContain('Lịch tiếp công dân định kỳ');
    expect(await sendReviewReminders(t.appDb, 'http://example.test')).toBe(0);
    const later = new Date(Date.now() + 40 * 86400_000); // the 30-day disclosures fall due
    expect(await sendReviewReminders(t.appDb, 'http://example.test', later)).toBe(1);
  });
});
