import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Session, type TestApp, startLoggedInApp } from '../../../../test/helpers/app.js';
import { decodeQrImage, decodeVietQrStandard, svgInside } from '../../catalogue/test-support.js';
import { unitProcedures } from '../service/procedures.js';

/** The fee VietQR on a dossier's staff page, read back by independent decoders (jsQR, vietnam-qr-pay). */
let t: TestApp;
let officer: Session;
beforeAll(async () => {
  ({ t, session: officer } = await startLoggedInApp('motcua', { env: { THANTHIEN_RATE_LIMIT: 'off' } }));
});
afterAll(() => t?.close());

async function receive(procedureKey: string, channel: string): Promise<string> {
  const res = await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/tiep-nhan`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: officer.csrf, procedureKey, applicantName: 'Trần Văn Bình', applicantPhone: '0912 000 456', channel, complete: 'yes',
    }).toString(),
  });
  expect(res.status).toBe(303);
  return decodeURIComponent(/ho-so\/([^?]+)/.exec(res.headers.get('location')!)![1]);
}

const detail = async (code: string) =>
  (await fetch(`${t.url}/quan-tri/chu-van-an/ho-so/${encodeURIComponent(code)}`, { headers: { cookie: officer.cookie } })).text();

async function feeQrOf(code: string) {
  const html = await detail(code);
  return { html, qr: decodeVietQrStandard(await decodeQrImage(svgInside(html, 'dossier-fee-qr-code'))) };
}

describe('dossier fee QR', () => {
  test('an online tạm trú dossier: 7.000 đ and the dossier code in the note; in person: 15.000 đ', async () => {
    expect((await unitProcedures(t.appDb, await t.unitId())).some((p) => p.key === 'dang-ky-tam-tru')).toBe(true);
    const online = await receive('dang-ky-tam-tru', 'online');
    const a = await feeQrOf(online);
    expect(a.qr).toMatchObject({ valid: true, amount: 7000, accountNumber: '113000012345', currency: '704' });
    expect(a.qr.purpose!.length).toBeLessThanOrEqual(25);
    expect(a.qr.purpose).toMatch(/^LE PHI [A-Z0-9.-]+$/);
    // the note ends with the whole day-and-number part of the code, and is a suffix of the code
    expect(online.endsWith(a.qr.purpose!.slice('LE PHI '.length))).toBe(true);
    expect(a.qr.purpose).toMatch(/\d{6}-\d{4,5}$/);
    expect(a.html).toContain(`Nội dung chuyển khoản: ${a.qr.purpose}`);
    expect(a.html).toContain('Lệ phí nộp trực tuyến: 7.000');

    const desk = await receive('dang-ky-tam-tru', 'in_person');
    const b = await feeQrOf(desk);
    expect(b.qr).toMatchObject({ valid: true, amount: 15000 });
    expect(desk.endsWith(b.qr.purpose!.slice('LE PHI '.length))).toBe(true);
    expect(b.qr.purpose).not.toBe(a.qr.purpose);
  }, 60_000);

  test('no fee QR for a procedure without a fee', async () => {
    const free = await receive('dang-ky-ket-hon', 'in_person');
    expect(await detail(free)).not.toContain('dossier-fee-qr-code');
  });
});
