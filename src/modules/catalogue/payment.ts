import { buildVietQr, qrSvg, toPurposeText } from '../../lib/vietqr/index.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { quoteFee } from './fees.js';
import type { PaymentAccount, Procedure } from './types.js';

export interface PaymentQr {
  payload: string;
  amount: number;
  quantity: number;
  purpose: string;
  svg: string;
  account: PaymentAccount;
}

/**
 * Transfer note, a reference the one-stop section can reconcile: "LE PHI", the procedure's short
 * code in the unit and the day (Vietnam time) as ddmmyy — `LE PHI TT007 021226`, ASCII, 19
 * characters (the limit is 25). Unique per procedure and day within the unit's account.
 */
export function paymentPurpose(procedure: Pick<Procedure, 'shortCode'>, at = new Date()): string {
  const [y, m, d] = vnDateOf(at).split('-');
  return toPurposeText(`LE PHI ${procedure.shortCode} ${d}${m}${y.slice(2)}`).toUpperCase();
}

/** The unit's collection account from `unit.settings.payment`, when the core provides one. */
export function accountFromUnitSettings(settings: unknown): PaymentAccount | null {
  const payment = (settings as { payment?: Partial<PaymentAccount> } | null)?.payment;
  if (!payment?.bankBin || !payment.accountNumber || !payment.accountName) return null;
  return { bankBin: payment.bankBin, accountNumber: payment.accountNumber, accountName: payment.accountName };
}

/**
 * VietQR for paying a procedure's fee into the unit's account, or null when the procedure
 * has no fixed fee. Throws RangeError for a bad quantity.
 */
export async function buildPaymentQr(
  procedure: Pick<Procedure, 'shortCode' | 'fee'>, account: PaymentAccount, quantity = 1, at = new Date(),
): Promise<PaymentQr | null> {
  const quote = quoteFee(procedure.fee, quantity);
  if (!quote) return null;
  const purpose = paymentPurpose(procedure, at);
  const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount: quote.amount, purpose });
  const svg = await qrSvg(payload);
  return { payload, amount: quote.amount, quantity: quote.quantity, purpose, svg, account };
}
