import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { parseVietQr } from '../../lib/vietqr/index.js';
import { decodeQrImage, svgInside } from './test-support.js';

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
    expect(parseVietQr(body.payload)).toMatchObject({ bankBin: '970415', accountNumber: '113000012345', amount: 7000 });
    expect(body.purpose).toMatch(/^LE PHI TT\d{3} \d{6}$/);
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

describe('catalogue index poster', () => {
  it('prints the fields with their counts, the hotline and a QR that opens the catalogue', async () => {
    const res = await fetch(`${t.url}/chu-van-an/thu-tuc/ap-phich`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Danh mục thủ tục hành chính</h1>');
    expect(html).toContain('của 59 thủ tục hành chính');
    expect(html).toMatch(/<th scope="row">Chứng thực<\/th><td class="num">9<\/td>/);
    expect(html).toContain('Cần hỗ trợ, gọi đường dây nóng: 0220 3882 115');
    expect(await decodeQrImage(svgInside(html, 'qr'))).toBe(`${t.url}/chu-van-an/thu-tuc`);
    expect(await (await fetch(`${t.url}/chu-van-an/thu-tuc`)).text()).toContain('href="/chu-van-an/thu-tuc/ap-phich"');
  });
});

describe('what a public catalogue page reads', () => {
  /** SQL sent by this process (the app runs in it) while `fn` runs. */
  async function queriesDuring(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
      const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
      if (text) seen.push(text);
      return (original as any).apply(this, args);
    } as any;
    try { await fn(); } finally { pg.Client.prototype.query = original; }
    return seen;
  }

  it('searches without loading every procedure of the unit', async () => {
    const sqls = await queriesDuring(async () => {
      const html = await (await fetch(`${t.url}/chu-van-an/thu-tuc?q=${encodeURIComponent('chung thuc 5 trang')}`)).text();
      expect(html).toMatch(/Lệ phí ước tính cho 5 trang: 7\.000 đ/);
    });
    const procedureReads = sqls.filter((q) => /from "?catalogue_procedures"?/.test(q));
    expect(procedureReads.length).toBeGreaterThan(0);
    // no query reads the papers, steps or legal texts of all procedures
    expect(sqls.filter((q) => /"documents"|"legal_basis"|"steps"/.test(q))).toEqual([]);
  });

  it('lists the index by field from short rows only', async () => {
    const sqls = await queriesDuring(async () => {
      const html = await (await fetch(`${t.url}/chu-van-an/thu-tuc?linh-vuc=${encodeURIComponent('Chứng thực')}`)).text();
      expect(html).toContain('Chứng thực bản sao từ bản chính giấy tờ, văn bản');
      expect(html).not.toContain('Đăng ký khai sinh</a>');
    });
    expect(sqls.filter((q) => /"documents"|"legal_basis"|"steps"/.test(q))).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it('gives every ward its own copy of the reference catalogue, invisible to the others', async () => {
    const demo = await t.unitId('chu-van-an');
    const other = await t.unitId('chi-linh');
    const rowsOf = async (unit: string) => (await sql<{ id: string; reference_id: string; needs_review: boolean }>`
      select id, reference_id, needs_review from catalogue_procedures where unit_id = ${unit} order by reference_id`.execute(t.db)).rows;
    const [mine, theirs] = [await rowsOf(demo), await rowsOf(other)];
    expect(theirs).toHaveLength(59);
    // same reference entries and needs-review flags, but rows of their own
    expect(theirs.map((r) => [r.reference_id, r.needs_review])).toEqual(mine.map((r) => [r.reference_id, r.needs_review]));
    expect(theirs.filter((r) => r.needs_review)).toHaveLength(27);
    expect(theirs.some((r) => mine.some((m) => m.id === r.id))).toBe(false);
    const { withUnit } = await import('../../core/tenancy.js');
    const seen = await withUnit(t.appDb, other, (trx) => trx.selectFrom('catalogue_procedures').select(['unit_id']).execute());
    expect(seen).toHaveLength(59);
    expect(new Set(seen.map((r: any) => r.unit_id))).toEqual(new Set([other]));
    const fromDemo = await withUnit(t.appDb, demo, (trx) => trx.selectFrom('catalogue_procedures').select(['id']).where('unit_id', '=', other).execute());
    expect(fromDemo).toEqual([]);
    const city = await t.unitId('hai-phong');
    expect((await rowsOf(city))).toHaveLength(0);
  });

  it('serves the other ward’s own procedures, without the demo ward’s counters', async () => {
    const body = await (await fetch(`${t.url}/api/v1/units/chi-linh/procedures?q=khai%20sinh&limit=1`)).json();
    expect(body.items[0]).toMatchObject({ name: 'Đăng ký khai sinh', url: `${t.url}/chi-linh/thu-tuc/dang-ky-khai-sinh` });
    const detail = await (await fetch(`${t.url}/api/v1/units/chi-linh/procedures/${body.items[0].id}`)).json();
    expect(detail.counter).toBeNull();
    expect((await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/${body.items[0].id}`)).status).toBe(404);
  });

  it('copies at reference seeding only once', async () => {
    const { publishCatalogueEverywhere } = await import('./seed.js');
    expect(await publishCatalogueEverywhere(t.db)).toBe(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from catalogue_procedures`.execute(t.db);
    expect(rows[0].n).toBe(59 * 4);
  });
});
