import { describe, expect, it } from 'vitest';
import { hasFixedFee, quoteFee, tieredFee } from './fees.js';

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
    expect(quoteFee({ amount: 8000, unit: 'bản', tiers: null, note: null }, 3)).toEqual({ amount: 24000, quantity: 3, unit: 'bản' });
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
