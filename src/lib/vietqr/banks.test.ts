import { describe, expect, it } from 'vitest';
import { BanksObject, VietQRStatus } from 'vietnam-qr-pay';
import { bankByBin, NAPAS_BANKS } from './banks.js';

describe('NAPAS bank list', () => {
  it('has one entry per BIN, each a 6-digit BIN', () => {
    expect(new Set(NAPAS_BANKS.map((b) => b.bin)).size).toBe(NAPAS_BANKS.length);
    for (const b of NAPAS_BANKS) expect(b.bin).toMatch(/^\d{6}$/);
  });

  it('matches the BINs that the standard VietQR library lists as accepting transfers', () => {
    const standard = new Set(Object.values(BanksObject).filter((b) => b.vietQRStatus === VietQRStatus.TRANSFER_SUPPORTED).map((b) => b.bin));
    expect(new Set(NAPAS_BANKS.map((b) => b.bin))).toEqual(standard);
  });

  it('finds the banks a ward treasury account is usually held at', () => {
    expect(bankByBin('970415')?.shortName).toBe('VietinBank');
    expect(bankByBin('970405')?.shortName).toBe('Agribank');
    expect(bankByBin('970418')?.shortName).toBe('BIDV');
    expect(bankByBin('123456')).toBeUndefined();
  });
});
