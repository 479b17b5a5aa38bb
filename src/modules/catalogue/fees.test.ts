import { describe, expect, it } from 'vitest';
import { hasFixedFee, onlineFee, onlineFeeFromNote, quoteFee, tieredFee } from './fees.js';
import { loadReferenceProcedures, referenceToData } from './reference.js';

const copyTiers = { first_units: 2, first_rate: 2000, next_rate: 1000, max_per_copy: 200000 };
const copyFee = { amount: 2000, unit: 'trang', tiers: copyTiers, note: null };

describe('tieredFee (copy certification, Circular 226/2016)', () => {
  it.each([
    [1, 2000], [2, 4000], [3, 5000], [5, 7000], [10, 12000], [198, 200000], [199, 200000], [500, 200000],
  ])('%i pages → %i đ', (pages, amount) => {
    expect(tieredFee(copyTiers, pages)).toBe(amount);
  });
  it('has no cap when max_per_copy is null', () => {
    expect(tieredFee({ ...copyTiers, max_per_copy: null }, 500)).toBe(502000);
  });
});

describe('quoteFee', () => {
  it('multiplies a flat fee by the quantity', () => {
    expect(quoteFee({ amount: 8000, unit: 'bản', tiers: null, note: null }, 3)).toEqual({ amount: 24000, quantity: 3, unit: 'bản', channel: 'desk' });
  });
  it('uses the tiers for pages', () => {
    expect(quoteFee(copyFee, 5)?.amount).toBe(7000);
  });
  it('returns null without a fixed fee', () => {
    expect(quoteFee({ amount: 0, unit: null, tiers: null, note: 'Miễn lệ phí' })).toBeNull();
    expect(quoteFee({ amount: null, unit: null, tiers: null, note: 'Theo HĐND tỉnh' })).toBeNull();
    expect(hasFixedFee({ amount: 50000, unit: null, tiers: null, note: null })).toBe(true);
  });
  it('rejects a quantity outside 1–1000', () => {
    expect(() => quoteFee(copyFee, 0)).toThrow(RangeError);
    expect(() => quoteFee(copyFee, 1.5)).toThrow(RangeError);
    expect(() => quoteFee(copyFee, 1001)).toThrow(RangeError);
  });
});

describe('online fee', () => {
  const residence = { amount: 20000, unit: 'lần', tiers: null, note: null, onlineAmount: 10000 };
  it('quotes the online fee for the online channel and the desk fee otherwise', () => {
    expect(quoteFee(residence, 1, 'online')).toEqual({ amount: 10000, quantity: 1, unit: 'lần', channel: 'online' });
    expect(quoteFee(residence, 2, 'online')?.amount).toBe(20000);
    expect(quoteFee(residence)).toEqual({ amount: 20000, quantity: 1, unit: 'lần', channel: 'desk' });
  });
  it('falls back to the desk fee online when the procedure has no online fee', () => {
    expect(quoteFee({ amount: 8000, unit: null, tiers: null, note: null }, 1, 'online')).toEqual({ amount: 8000, quantity: 1, unit: null, channel: 'desk' });
    expect(onlineFee({ ...residence, amount: 0 })).toBeNull();
  });
  it('reads the online amount a fee note states, and nothing from a vague note', () => {
    expect(onlineFeeFromNote('20.000 đồng/lần nộp trực tiếp; 10.000 đồng/lần nộp trực tuyến; miễn cho một số đối tượng')).toBe(10000);
    expect(onlineFeeFromNote('15.000 đồng/lần nộp trực tiếp; 7.000 đồng/lần nộp trực tuyến')).toBe(7000);
    expect(onlineFeeFromNote('Lệ phí do HĐND cấp tỉnh quy định, thường vài nghìn đến vài chục nghìn đồng; nộp trực tuyến có thể được giảm.')).toBeNull();
    expect(onlineFeeFromNote(null)).toBeNull();
  });
  it('fills the online fee of the residence procedures from the reference data (Circular 75/2022), only those', () => {
    const withOnline = loadReferenceProcedures().map(referenceToData).filter((p) => p.fee.onlineAmount != null)
      .map((p) => [p.referenceId, p.fee.amount, p.fee.onlineAmount]);
    expect(withOnline).toEqual([['cutru-thuongtru', 20000, 10000], ['cutru-tamtru', 15000, 7000]]);
  });
});
