import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { decodeQrImage, decodeVietQrStandard, svgInside } from './test-support.js';
import { vnToday } from '../../lib/vn-calendar/index.js';

/**
 * The fee QR read back as a phone would read it: the SVG on the procedure page rendered to an
 * image, found and decoded by jsQR, parsed by vietnam-qr-pay. Nothing of our own encoder is used.
 */
let t: TestApp;
let fees: { slug: string; name: string; fee_amount: number; short_no: number }[];
const [y, m, d] = vnToday().split('-');
const today = `${d}${m}${y.slice(2)}`;

beforeAll(async () => {
  t = await startTestApp();
  fees = (await sql<any>`select slug, name, fee_amount::int as fee_amount, short_no from catalogue_procedures
    where unit_id = ${await t.unitId()} and published and fee_amount > 0 order by slug`.execute(t.db)).rows;
});
afterAll(async () => { await t?.close(); });

const page = async (path: string) => (await fetch(`${t.url}/chu-van-an/thu-tuc/${path}`)).text();

describe('fee VietQR, read by independent decoders', () => {
  it('decodes the copy-certification QR for 5 pages: valid CRC, the unit account, 7.000 đ, the reference note', async () => {
    const html = await page('chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban?so-luong=5');
    const payload = await decodeQrImage(svgInside(html, 'catalogue-pay-qr'));
    const qr = decodeVietQrStandard(payload);
    expect(qr).toMatchObject({ valid: true, provider: 'VIETQR', bankBin: '970415', accountNumber: '113000012345', amount: 7000, currency: '704', country: 'VN' });
    expect(qr.purpose).toMatch(new RegExp(`^LE PHI TT\\d{3} ${today}$`));
    expect(html).toContain(`Nội dung chuyển khoản: ${qr.purpose}`);
    // the API gives the same payload
    const api = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban/payment-qr?quantity=5`)).json();
    expect(api.payload).toBe(payload);
  });

  it('rejects a tampered payload (the decoder checks the CRC)', async () => {
    const html = await page('dang-ky-tam-tru');
    const payload = await decodeQrImage(svgInside(html, 'catalogue-pay-qr'));
    expect(decodeVietQrStandard(payload).valid).toBe(true);
    expect(decodeVietQrStandard(payload.replace('540515000', '540515001')).valid).toBe(false);
  });

  it('gives every fee procedure a decodable QR with its own amount and a note no other procedure shares', async () => {
    expect(fees.length).toBe(13);
    const notes = new Map<string, string>();
    for (const f of fees) {
      const qr = decodeVietQrStandard(await decodeQrImage(svgInside(await page(f.slug), 'catalogue-pay-qr')));
      expect({ slug: f.slug, valid: qr.valid, amount: qr.amount, account: qr.accountNumber }).toEqual({ slug: f.slug, valid: true, amount: f.fee_amount, account: '113000012345' });
      expect(qr.purpose).toBe(`LE PHI TT${String(f.short_no).padStart(3, '0')} ${today}`);
      expect(qr.purpose!.length).toBeLessThanOrEqual(25);
      expect(qr.purpose).toMatch(/^[A-Z0-9 ]+$/);
      expect(notes.has(qr.purpose!), `${f.slug} shares its note with ${notes.get(qr.purpose!)}`).toBe(false);
      notes.set(qr.purpose!, f.slug);
    }
  }, 60_000);

  it('gives the online fee for channel=online (tạm trú 7.000 đ, desk 15.000 đ) on the API and the page, both fees shown', async () => {
    const api = (q: string) => fetch(`${t.url}/api/v1/units/chu-van-an/procedures/dang-ky-tam-tru/payment-qr${q}`);
    const online = await (await api('?channel=online')).json();
    expect(decodeVietQrStandard(online.payload)).toMatchObject({ valid: true, amount: 7000, accountNumber: '113000012345' });
    expect(online.channel).toBe('online');
    const desk = await (await api('')).json();
    expect([desk.channel, decodeVietQrStandard(desk.payload).amount]).toEqual(['desk', 15000]);
    expect(decodeVietQrStandard((await (await api('?channel=desk')).json()).payload).amount).toBe(15000);
    const bad = await api('?channel=post');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBeTruthy();
    const html = await page('dang-ky-tam-tru?kenh=truc-tuyen');
    expect(decodeVietQrStandard(await decodeQrImage(svgInside(html, 'catalogue-pay-qr'))).amount).toBe(7000);
    expect(html).toContain('Nộp trực tiếp: 15.000');
    expect(html).toContain('Nộp trực tuyến: 7.000');
    expect((await fetch(`${t.url}/chu-van-an/thu-tuc/dang-ky-tam-tru?kenh=buu-chinh`)).status).toBe(400);
    const detail = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/dang-ky-thuong-tru`)).json();
    expect([detail.fee, detail.fee_online]).toEqual([20000, 10000]);
    // a procedure without an online fee: the desk fee online too
    const copy = await (await fetch(`${t.url}/api/v1/units/chu-van-an/procedures/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban/payment-qr?channel=online&quantity=5`)).json();
    expect([copy.channel, copy.amount]).toEqual(['desk', 7000]);
  });

  it('numbers the procedures of a unit without gaps or repeats, also those added later', async () => {
    const unit = await t.unitId();
    const { rows } = await sql<any>`select short_no from catalogue_procedures where unit_id = ${unit} order by short_no`.execute(t.db);
    expect(rows.map((r: any) => r.short_no)).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
    const { withUnit } = await import('../../core/tenancy.js');
    const added = await withUnit(t.appDb, unit, (trx) => trx.insertInto('catalogue_procedures')
      .values({ unit_id: unit, slug: 'thu-nghiem-so-ngan', name: 'Thủ tục thử nghiệm', field: 'Khác' }).returning(['short_no']).executeTakeFirstOrThrow());
    expect(added.short_no).toBe(60);
  });
});
