import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildVietQr, hasValidCrc, parseVietQr, toPurposeText } from './vietqr.js';
import { crc16CcittFalse } from './crc16.js';
import { decodeTlv } from './tlv.js';

/** Payloads published in public VietQR libraries and apps (CRC computed by their authors). */
const PUBLISHED = [
  // subiz/vietqr README: 120.000 đ to VietinBank 0011001932418, note "ung ho lu lut"
  '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  // sunary/vietqr service example: static, Techcombank 9796868
  '00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by sunary/vietqr6304BE74',
  // a payment-gateway order QR, 375.000 đ
  '00020101021238590010A000000727012900069704180115V3CAS62627239240208QRIBFTTA530370454063750005802VN62250821CSPZKHEL6A2 NTK O000463044729',
  // an app checkout QR, 100.000 đ, MB Bank virtual account
  '00020101021238570010A000000727012700069704220113VQRQACLNP26800208QRIBFTTA530370454061000005802VN62270823Thanh toan don hang ABC6304CE4C',
];

describe('published VietQR payloads', () => {
  it.each(PUBLISHED)('has a valid CRC: %s', (payload) => {
    expect(hasValidCrc(payload)).toBe(true);
    expect(crc16CcittFalse(payload.slice(0, -4))).toBe(payload.slice(-4));
  });

  it('decodes the subiz example field by field', () => {
    expect(parseVietQr(PUBLISHED[0])).toEqual({
      bankBin: '970415', accountNumber: '0011001932418', service: 'QRIBFTTA', amount: 120000,
      purpose: 'ung ho lu lut', currency: '704', country: 'VN', dynamic: true,
    });
  });

  it('builds byte-for-byte the same payload as the subiz example', () => {
    expect(buildVietQr({ bankBin: '970415', accountNumber: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' })).toBe(PUBLISHED[0]);
  });

  it('builds the static sunary example byte for byte', () => {
    expect(buildVietQr({ bankBin: '970407', accountNumber: '9796868', purpose: 'gen by sunary/vietqr' })).toBe(PUBLISHED[1]);
  });
});

describe('buildVietQr', () => {
  const account = { bankBin: '970415', accountNumber: '113000001234' };

  it('lays out the fields in the NAPAS order', () => {
    const payload = buildVietQr({ ...account, amount: 50000, purpose: 'Lệ phí chứng thực' });
    const ids = decodeTlv(payload).map((f) => f.id);
    expect(ids).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(payload.startsWith('000201010212')).toBe(true);
    expect(payload).toContain('0010A000000727');
    expect(payload).toContain('0208QRIBFTTA');
    expect(payload).toContain('5303704540550000');
    expect(payload).toContain('5802VN');
    expect(payload).toContain('0817Le phi chung thuc');
  });

  it('makes a static code (01=11, no 54) without amount', () => {
    const payload = buildVietQr(account);
    expect(payload.startsWith('000201010211')).toBe(true);
    expect(decodeTlv(payload).some((f) => f.id === '54')).toBe(false);
  });

  it('rejects a bad BIN, account or amount', () => {
    expect(() => buildVietQr({ ...account, bankBin: '97041' })).toThrow(/BIN/);
    expect(() => buildVietQr({ ...account, accountNumber: '1130 0000' })).toThrow(/tài khoản/);
    expect(() => buildVietQr({ ...account, amount: 10.5 })).toThrow(/Số tiền/);
    expect(() => buildVietQr({ ...account, amount: -1 })).toThrow(/Số tiền/);
  });

  it('round-trips any account, amount and note', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^[0-9A-Z]{1,19}$/),
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.string({ maxLength: 40 }),
        (bankBin, accountNumber, amount, note) => {
          const payload = buildVietQr({ bankBin, accountNumber, amount, purpose: note });
          const data = parseVietQr(payload);
          expect(data.bankBin).toBe(bankBin);
          expect(data.accountNumber).toBe(accountNumber);
          expect(data.amount).toBe(amount > 0 ? amount : null);
          const purpose = toPurposeText(note);
          expect(data.purpose).toBe(purpose === '' ? null : purpose);
        },
      ),
    );
  });
});

describe('toPurposeText', () => {
  it('keeps ASCII only and at most 25 characters', () => {
    expect(toPurposeText('Lệ phí đăng ký kết hôn – hồ sơ số 000.00.00.H31')).toBe('Le phi dang ky ket hon ho');
    fc.assert(fc.property(fc.string(), (s) => {
      const p = toPurposeText(s);
      expect(p.length).toBeLessThanOrEqual(25);
      expect(p).toMatch(/^[A-Za-z0-9 .\/\-]*$/);
    }));
  });
});

describe('parseVietQr', () => {
  const good = buildVietQr({ bankBin: '970415', accountNumber: '113000001234', amount: 8000 });

  it('rejects a payload whose CRC is wrong', () => {
    const last = good.slice(-1) === '0' ? '1' : '0';
    expect(() => parseVietQr(good.slice(0, -1) + last)).toThrow(/CRC/);
  });
  it('rejects a payload whose body was changed after signing', () => {
    expect(() => parseVietQr(good.replace('54048000', '54049000'))).toThrow(/CRC/);
  });
  it('rejects a non-NAPAS EMVCo code with a valid CRC', () => {
    const body = '000201010211' + '26' + '14' + '0010A000000999' + '5303704' + '5802VN' + '6304';
    expect(() => parseVietQr(body + crc16CcittFalse(body))).toThrow(/trường 38|NAPAS/);
  });
  it('rejects garbage and truncated TLV', () => {
    expect(() => parseVietQr('hello')).toThrow();
    const body = '0002010199' + '6304';
    expect(() => parseVietQr(body + crc16CcittFalse(body))).toThrow(/cắt cụt|TLV/);
  });
});
