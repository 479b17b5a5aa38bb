import { describe, expect, it } from 'vitest';
import { parseVietQr } from '../../lib/vietqr/index.js';
import { accountFromUnitSettings, buildPaymentQr, dossierPaymentPurpose, paymentPurpose } from './payment.js';

const account = { bankBin: '970415', accountNumber: '113000001234', accountName: 'UBND PHUONG CHU VAN AN' };
const copyCertification = {
  shortCode: 'TT020',
  fee: { amount: 2000, unit: 'trang', tiers: { first_units: 2, first_rate: 2000, next_rate: 1000, max_per_copy: 200000 }, note: null },
};

describe('buildPaymentQr', () => {
  it('encodes the fee for 5 pages into a decodable VietQR', async () => {
    const qr = await buildPaymentQr(copyCertification, account, 5, new Date('2026-12-02T20:00:00+07:00'));
    expect(qr?.amount).toBe(7000);
    const data = parseVietQr(qr!.payload);
    expect(data).toMatchObject({ bankBin: '970415', accountNumber: '113000001234', amount: 7000, currency: '704', country: 'VN', service: 'QRIBFTTA' });
    expect(data.purpose).toBe('LE PHI TT020 021226');
    expect(qr!.svg).toContain('<svg');
  });
  it('returns null for a procedure without a fixed fee', async () => {
    expect(await buildPaymentQr({ shortCode: 'TT001', fee: { amount: 0, unit: null, tiers: null, note: null } }, account)).toBeNull();
  });
  it('makes the note a reference: procedure code and the Vietnam day, ASCII, within 25 characters', () => {
    // 23:30 UTC on 1 December is already 2 December in Vietnam
    expect(paymentPurpose({ shortCode: 'TT017' }, new Date('2026-12-01T23:30:00Z'))).toBe('LE PHI TT017 021226');
    expect(paymentPurpose({ shortCode: 'TT1234' }, new Date('2027-01-09T03:00:00Z'))).toBe('LE PHI TT1234 090127');
    expect(paymentPurpose({ shortCode: 'TT1234' }).length).toBeLessThanOrEqual(25);
  });
});

describe('fee QR for a channel and a dossier', () => {
  const residence = { shortCode: 'TT041', fee: { amount: 20000, unit: 'lần', tiers: null, note: null, onlineAmount: 10000 } };
  it('uses the online fee for the online channel and puts the dossier code in the note', async () => {
    const qr = await buildPaymentQr(residence, account, 1, new Date(), { channel: 'online', dossierCode: 'H31.99-261204-0007' });
    expect(qr).toMatchObject({ amount: 10000, channel: 'online', purpose: 'LE PHI H31.99-261204-0007' });
    expect(parseVietQr(qr!.payload)).toMatchObject({ amount: 10000, purpose: 'LE PHI H31.99-261204-0007' });
    expect((await buildPaymentQr(residence, account))?.amount).toBe(20000);
  });
  it('shortens a long dossier code from the agency side to fit 25 ASCII characters', () => {
    expect(dossierPaymentPurpose('000.00.00.H31-260115-0001')).toBe('LE PHI 00.H31-260115-0001');
    expect(dossierPaymentPurpose('H31-260115-0001')).toBe('LE PHI H31-260115-0001');
    expect(dossierPaymentPurpose('ABCDEFGH.ABCDEFGH-260115-00012')).toBe('LE PHI 260115-00012');
    for (const code of ['000.00.00.H31-260115-0001', '1.2.3.4.5.6-261231-99999']) {
      const p = dossierPaymentPurpose(code);
      expect(p.length).toBeLessThanOrEqual(25);
      expect(p).toMatch(/^LE PHI [A-Z0-9.\-]+$/);
    }
  });
});

describe('accountFromUnitSettings', () => {
  it('reads settings.payment and ignores incomplete settings', () => {
    expect(accountFromUnitSettings({ payment: account })).toEqual(account);
    expect(accountFromUnitSettings({ payment: { bankBin: '970415' } })).toBeNull();
    expect(accountFromUnitSettings(null)).toBeNull();
  });
});
