import type { FeeChannel, FeeTiers, ProcedureData } from './types.js';

export const MAX_QUANTITY = 1000;

export interface FeeQuote {
  /** Total in đồng. */
  amount: number;
  quantity: number;
  /** What one quantity counts ("trang", "bản", ...), when known. */
  unit: string | null;
  /** The channel whose fee was used (`online` only when the procedure has an online fee). */
  channel: FeeChannel;
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

/** The lower fee for online submission, when the procedure has one (a flat fee only). */
export function onlineFee(fee: ProcedureData['fee']): number | null {
  return hasFixedFee(fee) && !fee.tiers && fee.onlineAmount != null ? fee.onlineAmount : null;
}

/**
 * Fee for `quantity` units (pages for a tiered fee, otherwise copies/cases), or null when
 * the procedure has no fixed fee. `quoteFee({ amount: 2000, tiers: {2, 2000, 1000, 200000} }, 5)` → 7.000 đ.
 * For `channel` online the online fee applies when the procedure has one, otherwise the desk fee.
 */
export function quoteFee(fee: ProcedureData['fee'], quantity = 1, channel: FeeChannel = 'desk'): FeeQuote | null {
  if (!hasFixedFee(fee)) return null;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new RangeError(`Số lượng phải là số nguyên từ 1 đến ${MAX_QUANTITY}`);
  }
  const online = channel === 'online' ? onlineFee(fee) : null;
  if (online !== null) return { amount: online * quantity, quantity, unit: fee.unit, channel: 'online' };
  const amount = fee.tiers ? tieredFee(fee.tiers, quantity) : (fee.amount as number) * quantity;
  return { amount, quantity, unit: fee.unit, channel: 'desk' };
}

/**
 * The online fee a reference fee note states, e.g. "20.000 đồng/lần nộp trực tiếp; 10.000 đồng/lần
 * nộp trực tuyến" → 10000; null when the note gives no online amount ("nộp trực tuyến có thể được giảm").
 */
export function onlineFeeFromNote(note: string | null | undefined): number | null {
  const m = /(\d{1,3}(?:[.\s]\d{3})*|\d+)\s*(?:đồng|đ)(?:\s*\/\s*[\p{L} ]{1,20}?)?\s+(?:khi\s+)?nộp\s+trực\s+tuyến/iu.exec(note ?? '');
  return m ? Number(m[1].replace(/[.\s]/g, '')) : null;
}
