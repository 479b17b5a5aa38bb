import { describe, expect, it } from 'vitest';
import { parseVietQr } from '../../lib/vietqr/index.js';
import { accountFromUnitSettings, buildPaymentQr, paymentPurpose } from './payment.js';

const account = { bankBin: '970415', accountNumber: '113000001234', accountName: 'UBND PHUONG CHU VAN AN' };
const copyCertification = {
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  fee: { amount: 2000, unit: 'trang', tiers: { first_units: 2, first_rate: 2000, next_rate: 1000, max_per_copy: 200000 }, note: null },
};

describe('buildPaymentQr', () => {
  it('encodes the fee for 5 pages into a decodable VietQR', async () => {
    const qr = await buildPaymentQr(copyCertification, account, 5);
    expect(qr?.amount).toBe(7000);
    const data = parseVietQr(qr!.payload);
    expect(data).toMatchObject({ bankBin: '970415', accountNumber: '113000001234', amount: 7000, currency: '704', country: 'VN', service: 'QRIBFTTA' });
    expect(data.purpose).toBe('LE PHI CHUNG THUC BAN SAO');
    expect(qr!.svg).toContain('<svg');
  });
  it('returns null for a procedure without a fixed fee', async () => {
    expect(await buildPaymentQr({ name: 'Đăng ký khai sinh', fee: { amount: 0, unit: null, tiers: null, note: null } }, account)).toBeNull();
  });
  it('keeps the note within 25 ASCII characters', () => {
    expect(paymentPurpose({ name: 'Đăng ký việc nuôi con nuôi trong nước' })).toBe('LE PHI DANG KY VIEC NUOI');
  });
});

describe('accountFromUnitSettings', () => {
  it('reads settings.payment and ignores incomplete settings', () => {
    expect(accountFromUnitSettings({ payment: account })).toEqual(account);
    expect(accountFromUnitSettings({ payment: { bankBin: '970415' } })).toBeNull();
    expect(accountFromUnitSettings(null)).toBeNull();
  });
});
