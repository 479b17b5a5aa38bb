import type { FeeTiers, ProcedureData } from './types.js';

export const MAX_QUANTITY = 1000;

export interface FeeQuote {
  /** Total in đồng. */
  amount: number;
  quantity: number;
  /** What one quantity counts ("trang", "bản", ...), when known. */
  unit: string | null;
}

/** Tiered fee for one copy of `pages` pages: 2 × 2.000 + (pages − 2) × 1.000, capped. */
export function tieredFee(tiers: FeeTiers, pages: number): number {
  const first = Math.min(pages, tiers.first_units) * tiers.first_rate;
  const rest = Math.max(0, pages - tiers.first_units) * tiers.next_rate;
  const total = first + rest;
  return tiers.max_per_copy === null ? total : Math.min(total, tiers.max_per_copy);
}

/** True when the procedure has a fixed fee greater than zero (a payment QR makes sense). */
export function hasFixedFee(fee: ProcedureData['fee']): boolean {
  return fee.amount !== null && fee.amount > 0;
}

/**
 * Fee for `quantity` units (pages for a tiered fee, otherwise copies/cases), or null when
 * the procedure has no fixed fee. `quoteFee({ amount: 2000, tiers: {2, 2000, 1000, 200000} }, 5)` → 7.000 đ.
 */
export function quoteFee(fee: ProcedureData['fee'], quantity = 1): FeeQuote | null {
  if (!hasFixedFee(fee)) return null;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new RangeError(`Số lượng phải là số nguyên từ 1 đến ${MAX_QUANTITY}`);
  }
  const amount = fee.tiers ? tieredFee(fee.tiers, quantity) : (fee.amount as number) * quantity;
  return { amount, quantity, unit: fee.unit };
}
