import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { parseVietQr } from '../../lib/vietqr/index.js';

let t: TestApp;
const api = (path: string) => fetch(`${t.url}/api/v1/units/chu-van-an${path}`);

beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('procedure API', () => {
  it('finds birth registration without diacritics, ranked first', async () => {
    const res = await api('/procedures?q=lam%20giay%20khai%20sinh&limit=5');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ name: 'Đăng ký khai sinh', field: 'Hộ tịch', fee: 0, processing_time: { unit: 'immediate' } });
    expect(body.items[0].url).toBe(`${t.url}/chu-van-an/thu-tuc/dang-ky-khai-sinh`);
    expect(body.items[0].name_html).toBe('Đăng ký <mark>khai</mark> <mark>sinh</mark>');
  });

  it('lists by field with paging and counts the whole field', async () => {
    const body = await (await api('/procedures?field=Ch%E1%BB%A9ng%20th%E1%BB%B1c&limit=3&offset=3')).json();
    expect(body.total).toBe(9);
    expect(body.items).toHaveLength(3);
    expect(body.items.every((i: any) => i.field === 'Chứng thực')).toBe(true);
  });

  it.each(['limit=0', 'limit=101', 'offset=-1', 'limit=abc'])('answers 400 for %s', async (qs) => {
    const res = await api(`/procedures?${qs}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBeTruthy();
  });

  it('returns a procedure by slug or id and 404 otherwise', async () => {
    const bySlug = await (await api('/procedures/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban')).json();
    expect(bySlug).toMatchObject({ fee: 2000, fee_unit: 'trang', field: 'Chứng thực', counter: 'Quầy số 2 – Chứng thực' });
    const byId = await (await api(`/procedures/${bySlug.id}`)).json();
    expect(byId.name).toBe(bySlug.name);
    expect((await api('/procedures/khong-co')).status).toBe(404);
    expect((await fetch(`${t.url}/api/v1/units/khong-co-phuong/procedures`)).status).toBe(404);
  });

  it('builds a fee VietQR for 5 pages of copy certification', async () => {
    const res = await api('/procedures/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban/payment-qr?quantity=5');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.amount).toBe(7000);
    expect(parseVietQr(body.payload)).toMatchObject({ bankBin: '970415', accountNumber: '113000012345', amount: 7000, purpose: 'LE PHI CHUNG THUC BAN SAO' });
    expect(body.svg).toContain('<svg');
  });

  it('answers 422 without a fixed fee and 400 for a bad quantity', async () => {
    expect((await api('/procedures/dang-ky-khai-sinh/payment-qr')).status).toBe(422);
    expect((await api('/procedures/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban/payment-qr?quantity=0')).status).toBe(400);
  });
});

describe('public pages', () => {
  it('shows search results with highlighted words, escaping the query', async () => {
    const html = await (await fetch(`${t.url}/chu-van-an/thu-tuc?q=${encodeURIComponent('<b>khai sinh</b>')}`)).text();
    expect(html).toContain('<mark>khai</mark>');
    expect(html).not.toContain('<b>khai');
    expect(html).toContain('&lt;b>khai sinh&lt;/b>');
  });

  it('estimates the fee for "chung thuc 5 trang het bao nhieu"', async () => {
    const html = await (await fetch(`${t.url}/chu-van-an/thu-tuc?q=${encodeURIComponent('chung thuc 5 trang het bao nhieu')}`)).text();
    expect(html).toMatch(/Lệ phí ước tính cho 5 trang: 7\.000 đ/);
  });

  it('groups the catalogue by field and shows the page with its QR codes', async () => {
    const list = await (await fetch(`${t.url}/chu-van-an/thu-tuc`)).text();
    expect(list).toContain('Bảo trợ xã hội');
    const page = await (await fetch(`${t.url}/chu-van-an/thu-tuc/chung-thuc-chu-ky-trong-giay-to-van-ban-ap-dung-ca-chung-thuc-diem-chi`)).text();
    expect(page).toContain('Nộp lệ phí bằng mã VietQR');
    expect(page).toContain('10.000 đ');
    expect(page.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    const poster = await fetch(`${t.url}/chu-van-an/thu-tuc/dang-ky-khai-sinh/in`);
    expect(poster.status).toBe(200);
    expect(await poster.text()).toContain('Quét mã QR');
    expect((await fetch(`${t.url}/chu-van-an/thu-tuc/khong-co`)).status).toBe(404);
  });
});

describe('tenant isolation', () => {
  it('keeps one unit’s catalogue invisible to another', async () => {
    const other = await t.db.selectFrom('units').select(['id']).where('slug', '!=', 'chu-van-an').where('type', '!=', 'city').executeTakeFirst();
    if (!other) return;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from catalogue_procedures where unit_id = ${other.id}`.execute(t.db);
    expect(rows[0].n).toBe(0);
    const { withUnit } = await import('../../core/tenancy.js');
    const seen = await withUnit(t.appDb, other.id, (trx) => trx.selectFrom('catalogue_procedures').select(['id']).execute());
    expect(seen).toEqual([]);
  });
});
